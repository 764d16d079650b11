"""`timeline export`: write the stored events as CSV (default), JSON, TimelineJS or xlsx.

Writes to stdout, or with -o to a file that is replaced whole or not at all. The
filters mean what they mean for `timeline events`. The TimelineJS formats publish a
timeline, so unless --status says otherwise they leave out the events an analyst
rejected, and group their slides as --group says (by default: by story, outlet or
article when that makes at most eight groups, else none; stderr says which).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Unpack

from timeline.commands.events import lower_bound, statuses, upper_bound
from timeline.commands.reading import IMPORT_HINT, refusal
from timeline.export import (
    BINARY_FORMATS,
    FORMATS,
    GROUP_MODES,
    MAX_GROUPS,
    ExportError,
    choose_grouping,
    export_to_path,
    published_events,
    stream_csv,
    stream_csv_to_path,
    stream_json,
    stream_json_to_path,
    stream_xlsx_to_path,
    write_export,
)
from timeline.export.files import ExportOptions
from timeline.model import Article, Event, Status

PROG = "timeline export"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the events as CSV, JSON, TimelineJS or xlsx",
        description="Write the stored events, in time order, as CSV (the default), JSON, "
        "TimelineJS CSV/JSON or an xlsx workbook; to stdout, or to FILE with -o.",
    )
    parser.add_argument("--db", metavar="URL", help="database URL (default: the app's own file)")
    parser.add_argument("--format", choices=FORMATS, default="csv")
    parser.add_argument(
        "--status", action="append", metavar="S,...", type=statuses,
        help="only events with these review statuses ("
        + ", ".join(status.value for status in Status) + ")",
    )
    parser.add_argument("--from", dest="start", metavar="D", type=lower_bound,
                        help="only events that reach past the start of D "
                        "(2023, 2023-09, 2023-09-12 or an ISO time)")
    parser.add_argument("--to", dest="end", metavar="D", type=upper_bound,
                        help="only events that begin before the end of D (D included)")
    parser.add_argument("--article", action="append", metavar="ID", type=article_ids,
                        help="only events from these articles (repeat or comma-separate)")
    parser.add_argument("--excel", action="store_true",
                        help="start CSV with a byte-order mark so Excel reads UTF-8 right")
    parser.add_argument("--no-formula-guard", dest="formula_guard", action="store_false",
                        help="write cells starting with = + - @ as they are (for pipelines)")
    parser.add_argument("--group", choices=GROUP_MODES, default="auto",
                        help="TimelineJS groups: by story, outlet or article, or none; "
                        f"auto (the default) takes the first that makes at most {MAX_GROUPS} "
                        "groups, else none")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    parser.set_defaults(func=run)


def article_ids(text: str) -> list[int]:
    """Return the article ids named in ``text`` (comma-separated)."""
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an article id: {text!r}") from None


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Export the events; returns 0, 1 when the database or the file fails, 2 for bad
    arguments."""
    # Imported here, as in `timeline events`: the store's libraries are not loaded
    # for the other commands.
    from timeline.store import StoreError, database_url, open_repository

    refused = refusal(PROG, args, missing_code=1, hint=IMPORT_HINT)
    if refused is not None:
        return refused
    wanted = [status for group in args.status for status in group] if args.status else None
    articles_wanted = [i for group in args.article for i in group] if args.article else None
    url = database_url(args.db)
    if args.format in ("csv", "json") or (args.format == "xlsx" and args.output):
        return _stream_csv(args, url, wanted, articles_wanted)
    try:
        with open_repository(url, read_only=True) as repository:
            listed = repository.list_events(start=args.start, end=args.end, statuses=wanted,
                                            article_ids=articles_wanted)
            events, rejected_left_out = published_events(args.format, listed, bool(wanted))
            articles = repository.get_articles(
                event.article_id for event in events if event.article_id is not None)
            story_sources = repository.story_sources(event.story_id for event in events)
    except StoreError as error:
        _say(str(error))
        return 1
    if args.format in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        _say(f"{args.format} is a binary file: write it with -o FILE")
        return 2
    options: ExportOptions = {"excel": args.excel, "formula_guard": args.formula_guard,
                              "story_sources": story_sources}
    if args.format.startswith("timelinejs"):
        grouping = choose_grouping(
            [event for event in events if event.earliest is not None], articles, args.group)
        options["group"] = grouping
        if events:
            _say(grouping.message())
    try:
        if args.output:
            written = export_to_path(args.format, events, articles, args.output, **options)
        else:
            written = _write_stdout(args.format, events, articles, **options)
    except ExportError as error:
        _say(str(error))
        return 1
    _report(args, len(events), written, rejected_left_out)
    return 0


def _stream_csv(args: argparse.Namespace, url: str, wanted: list[Status] | None,
                articles_wanted: list[int] | None) -> int:
    """The CSV, JSON or (into a file) xlsx export, streamed from the store a batch at a
    time (bounded memory)."""
    from timeline.store import StoreError, open_repository

    filters = {"start": args.start, "end": args.end, "statuses": wanted,
               "article_ids": articles_wanted}
    options: dict[str, Any] = {"filters": filters}
    if args.format == "csv":
        options.update(excel=args.excel, formula_guard=args.formula_guard)
    to_path, to_stream = {"csv": (stream_csv_to_path, stream_csv),
                          "json": (stream_json_to_path, stream_json),
                          "xlsx": (stream_xlsx_to_path, None)}[args.format]
    try:
        with open_repository(url, read_only=True) as repository:
            if args.output:
                written = to_path(repository, args.output, **options)
            else:
                assert to_stream is not None  # xlsx streams only into a file (-o)
                written = _stream_stdout(repository, to_stream, **options)
    except (StoreError, ExportError) as error:
        _say(str(error))
        return 1
    _report(args, written, written, 0)
    return 0


def _stream_stdout(repository: Any, write: Callable[..., int], **options: Any) -> int:
    if not hasattr(sys.stdout, "buffer"):  # a text-only stream: write to it as it is
        return write(repository, sys.stdout, **options)
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        sys.stdout.flush()
        return write(repository, stream, **options)
    except UnicodeEncodeError as error:  # a lone surrogate that got into the database
        raise ExportError("cannot write to stdout: text that is not valid Unicode "
                          f"({error.object[error.start:error.end]!r})") from error
    finally:
        stream.flush()
        stream.detach()  # leave sys.stdout's buffer open for whoever comes next


def _write_stdout(
    fmt: str, events: Sequence[Event], articles: Mapping[int, Article],
    **options: Unpack[ExportOptions],
) -> int:
    # UTF-8 whatever the terminal's locale, and no newline translation (CSV is CRLF).
    if not hasattr(sys.stdout, "buffer"):  # a text-only stream: write to it as it is
        if fmt in BINARY_FORMATS:
            raise ExportError(f"cannot write {fmt} to a text-only stdout: use -o FILE")
        return write_export(fmt, events, articles, sys.stdout, **options)
    if fmt in BINARY_FORMATS:
        sys.stdout.flush()
        written = write_export(fmt, events, articles, sys.stdout.buffer, **options)
        sys.stdout.buffer.flush()
        return written
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        sys.stdout.flush()
        return write_export(fmt, events, articles, stream, **options)
    except UnicodeEncodeError as error:  # a lone surrogate that got into the database
        raise ExportError("cannot write to stdout: text that is not valid Unicode "
                          f"({error.object[error.start:error.end]!r})") from error
    finally:
        stream.flush()
        stream.detach()  # leave sys.stdout's buffer open for whoever comes next


def _report(args: argparse.Namespace, matched: int, written: int, rejected_left_out: int) -> None:
    if matched == 0:
        what = ("an empty event list" if args.format.endswith("json")
                else "a sheet with the header only" if args.format == "xlsx"
                else "the header only")
        _say(f"no events match; wrote {what}")
    if matched > written:
        _say(f"{matched - written} open-ended event(s) left out: TimelineJS needs a start date")
    if rejected_left_out:
        _say(f"{rejected_left_out} rejected event(s) left out (choose with --status)")
    if args.output and written:
        _say(f"wrote {written} event(s) to {args.output}")
