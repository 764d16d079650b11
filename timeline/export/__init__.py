"""Exports of the timeline: CSV (the default), JSON, TimelineJS CSV and JSON, xlsx.

Their event columns are one table, timeline.export.columns.

Writers take plain dataclasses (the events, in any order, and their articles by id),
so the command line and the desktop app's export menu share them; no Qt here.
"""

from timeline.export.csv_writer import write_csv
from timeline.export.files import (
    BINARY_FORMATS,
    FILE_SUFFIXES,
    FORMATS,
    ExportError,
    export_to_path,
    published_events,
    write_export,
)
from timeline.export.json_writer import export_document, write_json
from timeline.export.rows import CSV_COLUMNS, guard_formula, in_time_order
from timeline.export.stream import ExportCancelled, stream_csv, stream_csv_to_path
from timeline.export.stream_json import stream_json, stream_json_to_path
from timeline.export.stream_xlsx import stream_xlsx, stream_xlsx_to_path
from timeline.export.timelinejs import (
    TIMELINEJS_COLUMNS,
    timelinejs_document,
    write_timelinejs_csv,
    write_timelinejs_json,
)
from timeline.export.timelinejs_groups import GROUP_MODES, MAX_GROUPS, Grouping, choose_grouping
from timeline.export.xlsx_writer import write_xlsx

__all__ = [
    "BINARY_FORMATS",
    "CSV_COLUMNS",
    "GROUP_MODES",
    "MAX_GROUPS",
    "Grouping",
    "choose_grouping",
    "write_xlsx",
    "FILE_SUFFIXES",
    "FORMATS",
    "TIMELINEJS_COLUMNS",
    "ExportCancelled",
    "ExportError",
    "export_document",
    "export_to_path",
    "guard_formula",
    "in_time_order",
    "published_events",
    "stream_csv",
    "stream_csv_to_path",
    "stream_json",
    "stream_json_to_path",
    "stream_xlsx",
    "stream_xlsx_to_path",
    "timelinejs_document",
    "write_csv",
    "write_export",
    "write_json",
    "write_timelinejs_csv",
    "write_timelinejs_json",
]
