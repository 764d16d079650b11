"""Writing an export to a file safely: into a temporary file beside the target, then
renamed over it, so a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from timeline.export.csv_writer import write_csv
from timeline.export.json_writer import write_json
from timeline.export.timelinejs import write_timelinejs_csv, write_timelinejs_json
from timeline.export.timelinejs_groups import Grouping
from timeline.export.xlsx_writer import XlsxError, write_xlsx
from timeline.model import Article, Event, Status

FORMATS: tuple[str, ...] = ("csv", "json", "timelinejs-csv", "timelinejs-json", "xlsx")
FILE_SUFFIXES = {"csv": ".csv", "json": ".json", "timelinejs-csv": ".csv",
                 "timelinejs-json": ".json", "xlsx": ".xlsx"}
BINARY_FORMATS = frozenset({"xlsx"})


def published_events(
    fmt: str, events: Sequence[Event], statuses_chosen: bool
) -> tuple[list[Event], int]:
    """Return the events a ``fmt`` export writes and how many rejected ones it leaves out.

    A TimelineJS timeline is for publishing: rejected dates stay out of it unless the
    analyst chose statuses explicitly. Every other format keeps every event given.
    """
    if not fmt.startswith("timelinejs") or statuses_chosen:
        return list(events), 0
    kept = [event for event in events if event.status is not Status.REJECTED]
    return kept, len(events) - len(kept)


class ExportError(Exception):
    """An export that could not be written; the message is one line for the user."""


def write_export(
    fmt: str,
    events: Sequence[Event],
    articles: Mapping[int, Article],
    out: TextIO,
    *,
    excel: bool = False,
    formula_guard: bool = True,
    group: str | Grouping = "auto",
    story_sources: Mapping[int, int] | None = None,
) -> int:
    """Write ``events`` in format ``fmt`` to ``out`` (a binary file for xlsx, else a
    text file); return the number of events written (TimelineJS formats leave out
    events with no start). ``excel`` and ``formula_guard`` apply to the CSV formats
    only: JSON is read by programs, and an xlsx text cell is never a formula. ``group``
    is the TimelineJS grouping (timeline.export.timelinejs_groups); ``story_sources``
    (story id -> its articles) fills the CSV's and the spreadsheet's story_sources."""
    if fmt == "csv":
        return write_csv(events, articles, out, formula_guard=formula_guard, excel=excel,
                         story_sources=story_sources)
    if fmt == "timelinejs-csv":
        return write_timelinejs_csv(events, articles, out, formula_guard=formula_guard,
                                    excel=excel, group=group)
    if fmt == "json":
        return write_json(events, articles, out, story_sources)
    if fmt == "timelinejs-json":
        return write_timelinejs_json(events, articles, out, group=group)
    if fmt == "xlsx":
        try:
            return write_xlsx(events, articles, out, story_sources)
        except XlsxError as error:
            raise ExportError(str(error)) from error
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _umask() -> int:
    # os.umask() can only be read by setting it, which races with other threads;
    # Linux shows it in /proc instead.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def export_to_path(
    fmt: str,
    events: Sequence[Event],
    articles: Mapping[int, Article],
    path: str | os.PathLike,
    *,
    excel: bool = False,
    formula_guard: bool = True,
    group: str | Grouping = "auto",
    story_sources: Mapping[int, int] | None = None,
) -> int:
    """Write the export to ``path`` (replacing it whole, or not at all); return the
    number of events written. Raises ExportError with a one-line reason when the file
    cannot be written; nothing is left behind then."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: folder {folder} does not exist")
    try:
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                                 dir=folder)
    except OSError as error:
        raise ExportError(f"cannot write {target}: {error.strerror or error}") from error
    try:
        binary = fmt in BINARY_FORMATS
        with (os.fdopen(descriptor, "wb") if binary
              else os.fdopen(descriptor, "w", encoding="utf-8", newline="")) as out:
            written = write_export(fmt, events, articles, out, excel=excel,
                                   formula_guard=formula_guard, group=group,
                                   story_sources=story_sources)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); an export should get the usual mode.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as error:
        _remove_quietly(temp_name)
        raise ExportError(f"cannot write {target}: {error.strerror or error}") from error
    except ExportError as error:
        _remove_quietly(temp_name)
        raise ExportError(f"cannot write {target}: {error}") from error
    except UnicodeEncodeError as error:  # a lone surrogate that got into the database
        _remove_quietly(temp_name)
        raise ExportError(f"cannot write {target}: text that is not valid Unicode "
                          f"({error.object[error.start:error.end]!r})") from error
    except BaseException:
        _remove_quietly(temp_name)
        raise
    return written


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
