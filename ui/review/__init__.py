"""The analyst's review: ``commands`` (undoable saves through the store gateway),
``actions`` (what the review keys do), ``walk`` (where J and K go)."""
