"""The window's state as plain data, Qt-free (tests/ui/state/test_qt_free.py checks it):
``filters``, ``listing`` (one listing made on the worker), ``canvas_rows``,
``navigation``."""
