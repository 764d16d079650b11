"""Storage: the only package that knows SQL. Callers get dataclasses from timeline.model."""
