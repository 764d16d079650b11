"""The timeline canvas: a zoomable time axis with events in lanes.

Qt-free (unit-tested without a window): ``data`` (CanvasEvent, the contract with the
store), ``scale`` (time <-> pixels, tick levels and labels), ``layout`` (lanes, rows by
sort-and-sweep, clusters per zoom), ``relayout`` (one changed event). Qt:
``view.TimelineCanvas`` (the widget) with ``interaction`` (mouse, wheel, keys) and
``rendering`` (the cached frame); ``painter`` and ``bars`` (events), ``axis``,
``overview``, ``overlay`` (selection, hover), ``hits`` (what is under the cursor), ``texts``,
``style``, ``export``.
"""
