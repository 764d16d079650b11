"""Qt models that adapt store queries for the views; they hold ids, not decisions."""
