"""`timeline tag [--dct DATE] [--format json|timeml|text] [--out-dir DIR] FILE... | -`

Finds and resolves the temporal expressions of each article. The DCT comes from
--dct, else the file's sidecar NAME.meta.json ("published"), else a .tml file's <DCT>
(the loader's order). A bad input gets a one-line message naming it and the others are
still tagged; the exit code is then 1, or 2 when an input had no DCT at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from timeline.export.files import ExportError, write_text_file
from timeline.model import Article, Mention
from timeline.sources import (
    MissingDateError,
    SourceError,
    article_from_text,
    load_article,
)
from timeline.sources.reading import MAX_BYTES, decode_text

FORMATS = ("json", "timeml", "text")
EXTENSIONS = {"json": ".jsonl", "timeml": ".tml", "text": ".txt"}
HOW_TO_GIVE_A_DCT = (
    'give it with --dct YYYY-MM-DD or a sidecar {stem}.meta.json holding "published"'
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "tag",
        help="find and resolve the dates in articles",
        description=(
            "Find the temporal expressions of each article and resolve them against its "
            "publication date (DCT): from --dct, else where 'timeline ingest' finds it "
            '(NAME.meta.json "published", a .tml file\'s <DCT>, the HTML\'s metadata, a '
            "dateline, a date in the file name). Reads .txt, .md, .html, .tml and "
            "one-article .json files, or stdin with '-'."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article file, or - for stdin")
    parser.add_argument(
        "--dct",
        type=_dct_argument,
        metavar="DATE",
        help="publication date for every input (YYYY-MM-DD, ISO date-time, or written "
        "as in the window: '5 Mar 2023')",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: JSON Lines, one object per file (default); timeml: TimeML "
        "with inline TIMEX3; text: a table for reading",
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="write one file per input (same name; .jsonl/.tml/.txt) instead of stdout",
    )
    parser.set_defaults(func=run)


def _dct_argument(value: str) -> datetime:
    # The window's parser: "5 Mar 2023" is taken here as in the Paste dialog.
    from timeline.temporal.user_dates import read_published_date

    try:
        return read_published_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    """Tag every input; returns 0, 1 (some input refused) or 2 (some input had no DCT)."""
    # Imported here: the tagger loads dateparser, which the other commands' start
    # should not pay for (the parser registers every command).
    from timeline.temporal import tag

    exit_code = 0
    if args.out_dir is not None:
        try:
            args.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(
                f"timeline tag: cannot create {args.out_dir}: {error.strerror or error}",
                file=sys.stderr,
            )
            return 2
    # Output files written so far (input name by target), and the inputs themselves,
    # so that no output overwrites another output or an input ("a.tml" tagged into
    # its own folder) -- an output that would is refused instead.
    written: dict[Path, str] = {}
    inputs = {_resolved(Path(name)) for name in args.files if name != "-"}
    stdin_read = False
    for name in args.files:
        if name == "-":
            if stdin_read:
                print("timeline tag: <stdin>: given twice; it can be read once", file=sys.stderr)
                exit_code = max(exit_code, 1)
                continue
            stdin_read = True
        try:
            article = _load(name, args.dct)
            if article.published is None:  # the loaders refuse such an article already
                raise MissingDateError(name, "no publication date found")
        except MissingDateError as error:
            how = (
                "give it with --dct YYYY-MM-DD"
                if name == "-"
                else HOW_TO_GIVE_A_DCT.format(stem=Path(error.name).stem)
            )
            print(
                f"timeline tag: {error.name}: no publication date (DCT) found; {how}",
                file=sys.stderr,
            )
            exit_code = 2
            continue
        except SourceError as error:
            print(f"timeline tag: {error}", file=sys.stderr)
            exit_code = max(exit_code, 1)
            continue
        mentions = tag(article.text, article.published)
        rendered = render(args.format, name, article, mentions)
        if args.out_dir is None:
            sys.stdout.write(rendered)
            continue
        stem = "stdin" if name == "-" else Path(name).stem
        target = args.out_dir / f"{stem}{EXTENSIONS[args.format]}"
        clash = _resolved(target)
        if clash in inputs or clash in written:
            what = "an input file" if clash in inputs else f"the output of {written[clash]}"
            print(
                f"timeline tag: {name}: not written: {target} would overwrite {what}; "
                "use another --out-dir",
                file=sys.stderr,
            )
            exit_code = max(exit_code, 1)
            continue
        written[clash] = name
        try:
            # Whole or not at all (a full disk keeps the earlier output), and a link
            # planted under an output's name is replaced, never written through.
            write_text_file(target, _writer_of(rendered), follow_links=False)
        except ExportError as error:
            print(f"timeline tag: {error}", file=sys.stderr)
            exit_code = max(exit_code, 1)
    return exit_code


def _writer_of(text: str) -> Callable[[TextIO], int]:
    """Return a function writing ``text`` to the stream it is given."""
    def write(out: TextIO) -> int:
        return out.write(text)
    return write


def _resolved(path: Path) -> Path:
    """Return ``path`` made absolute with links followed, to compare file identities."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return path.absolute()


def _load(name: str, dct: datetime | None) -> Article:
    if name != "-":
        return load_article(Path(name), dct)
    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise SourceError("<stdin>", f"too large (over {MAX_BYTES // (1024 * 1024)} MB)")
    return article_from_text(decode_text(raw, "<stdin>"), dct)


def render(output_format: str, name: str, article: Article, mentions: list[Mention]) -> str:
    """Return one input's output in ``output_format`` (json, timeml or text); raises
    ValueError for an article without a publication date."""
    published = article.published
    if published is None:
        raise ValueError("an article is rendered with its publication date")
    if output_format == "timeml":
        from timeline.temporal.timeml import timeml_document

        return timeml_document(
            article.text, published, mentions, "stdin" if name == "-" else Path(name).stem
        )
    if output_format == "text":
        return text_table("<stdin>" if name == "-" else name, published, mentions)
    record = {
        "file": "<stdin>" if name == "-" else name,
        "dct": _iso(published),
        "mentions": [mention_record(m) for m in mentions],
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def mention_record(mention: Mention) -> dict[str, Any]:
    """Return the JSON object of one mention (the fields issue 2 lists, plus the flag)."""
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "type": mention.type.value,
        "value": mention.value,
        "mod": mention.mod,
        "earliest": _iso(mention.earliest),
        "latest": _iso(mention.latest),
        "granularity": mention.granularity.value,
        "anchor": mention.anchor,
        "explanation": mention.explanation,
        "confidence": round(mention.confidence, 2),
        "event_relative": mention.event_relative,
    }


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")


def text_table(name: str, dct: datetime, mentions: list[Mention]) -> str:
    """Return a table for a person at a terminal: one row per expression, its
    explanation on the line below."""
    lines = [f"{name}  DCT {dct.date().isoformat()}  {len(mentions)} expression(s)"]
    if mentions:
        lines.append(
            f"  {'offsets':<13} {'expression':<28} {'type':<8} {'value':<16} "
            f"{'interval [from .. to)':<36} conf."
        )
    for mention in mentions:
        if mention.is_anchored:
            interval = f"{_iso(mention.earliest)} .. {_iso(mention.latest)}"
        elif mention.earliest or mention.latest:
            interval = (
                f"{_iso(mention.earliest) or '...'} .. {_iso(mention.latest) or '...'} (open)"
            )
        else:
            interval = "-"
        phrase = mention.text.replace("\n", " ")
        lines.append(
            f"  {mention.start:>6}-{mention.end:<6} {phrase[:28]:<28} {mention.type.value:<8} "
            f"{mention.value:<16} {interval:<36} {mention.confidence:.2f}"
        )
        lines.append(f"  {'':13} {mention.explanation}")
    return "\n".join(lines) + "\n\n"
