"""Writing an export to a file safely: into a temporary file beside the target, then
renamed over it, so a failure never leaves a half-written file behind; links, pipes
and devices are written through, never replaced (write_text_file, which
`timeline tag --out-dir` uses too)."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypedDict, TypeVar

from timeline.export.csv_writer import write_csv
from timeline.export.json_writer import write_json
from timeline.export.timelinejs import write_timelinejs_csv, write_timelinejs_json
from timeline.export.timelinejs_groups import Grouping
from timeline.export.xlsx_writer import XlsxError, write_xlsx
from timeline.model import Article, Event, Status

T = TypeVar("T")

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


class ExportOptions(TypedDict, total=False):
    """The keyword options write_export and export_to_path take, as a caller gathers them."""

    excel: bool
    formula_guard: bool
    group: str | Grouping
    story_sources: Mapping[int, int] | None


def write_export(
    fmt: str,
    events: Sequence[Event],
    articles: Mapping[int, Article],
    out: Any,
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
    (story id -> its articles) fills the story_sources column."""
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
    path: str | os.PathLike[str],
    *,
    excel: bool = False,
    formula_guard: bool = True,
    group: str | Grouping = "auto",
    story_sources: Mapping[int, int] | None = None,
) -> int:
    """Write the export to ``path`` (replacing it whole, or not at all; see
    write_text_file for links, pipes and devices); return the number of events
    written. Raises ExportError with a one-line reason when the file cannot be
    written; nothing is left behind then."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return write_text_file(path, lambda out: write_export(
        fmt, events, articles, out, excel=excel, formula_guard=formula_guard, group=group,
        story_sources=story_sources), binary=fmt in BINARY_FORMATS)


def write_text_file(
    path: str | os.PathLike[str], write: Callable[[Any], T], *, follow_links: bool = True,
    binary: bool = False,
) -> T:
    """Call ``write`` with a UTF-8 text stream (no newline translation; a binary one
    when ``binary``) that ends up in ``path``, and return what it returns.

    A regular file (or a new one) is written beside itself and renamed over, so it is
    replaced whole or not at all. A symbolic link is written through to its target
    when ``follow_links`` (a path the user named), else replaced as a link would be
    by the rename (an output name derived from an input, where a link planted there
    must not redirect the write). A pipe or device is written to directly: renaming
    over it would replace the node itself (/dev/null as root). Raises ExportError
    with a one-line reason; a half-written temporary file is never left behind.
    """
    target = Path(path)
    if follow_links and target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        status = os.stat(target) if follow_links else os.lstat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise ExportError(f"cannot write {path}: it is a folder")
    if status is not None and not (stat.S_ISREG(status.st_mode) or stat.S_ISLNK(status.st_mode)):
        return _write_in_place(target, path, write, binary)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: folder {folder} does not exist")
    try:
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                                 dir=folder)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        with _opened(descriptor, binary) as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); an export should get the usual mode.
        if status is not None and stat.S_ISREG(status.st_mode):
            mode = status.st_mode & 0o777
        else:
            mode = 0o666 & ~_umask()
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException as error:
        _remove_quietly(temp_name)
        _raise_one_line(error, path)
        raise
    return result


def _opened(descriptor: int, binary: bool) -> IO[Any]:
    if binary:
        return os.fdopen(descriptor, "wb")
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="")


def _write_in_place(target: Path, shown: str | os.PathLike[str], write: Callable[[Any], T],
                    binary: bool = False) -> T:
    # Non-blocking open first: a pipe that no program reads would block for ever.
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise ExportError(f"cannot write {shown}: no program reads from that pipe") from None
        raise ExportError(f"cannot write {shown}: {error.strerror or error}") from None
    os.set_blocking(descriptor, True)
    try:
        with _opened(descriptor, binary) as out:
            result = write(out)
    except BaseException as error:
        _raise_one_line(error, shown)
        raise
    return result


def _raise_one_line(error: BaseException, shown: str | os.PathLike[str]) -> None:
    # The failures a write meets, as ExportError; anything else propagates as it is.
    if isinstance(error, OSError):
        raise ExportError(f"cannot write {shown}: {error.strerror or error}") from error
    if isinstance(error, ExportError):  # the writer refused the data (a cell too long)
        raise ExportError(f"cannot write {shown}: {error}") from error
    if isinstance(error, UnicodeEncodeError):  # a lone surrogate that got into the database
        raise ExportError(f"cannot write {shown}: text that is not valid Unicode "
                          f"({error.object[error.start:error.end]!r})") from error


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
