"""The timeline canvas: a zoomable time axis with events in lanes.

Qt-free (unit-tested without a window): ``data`` (CanvasEvent, the contract with the
store), ``scale`` (time <-> pixels, tick levels and labels), ``layout`` (lanes, rows by
sort-and-sweep, clusters per zoom). Qt: ``view.TimelineCanvas`` (the widget) with
``interaction`` (mouse, wheel, keys), ``painter`` and ``bars`` (events), ``axis``,
``overview``, ``hits`` (what is under the cursor), ``style``, ``export``.
"""
