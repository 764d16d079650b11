"""The Key dates panel: the spine of the collection, a few sentences a day."""
