"""JSON articles: a .json file (one object or a list of them) or .jsonl (one per line)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from timeline.model import Article
from timeline.sources.assemble import check_text, dated_article
from timeline.sources.errors import SourceError
from timeline.sources.plain import metadata_fields, published_field
from timeline.sources.reading import MAX_BYTES, parse_json, read_text_file


def article_from_object(
    data: object, name: str, source_path: str, published: datetime | None
) -> Article:
    """Return the article an object describes (``text`` required, ``published`` etc.)."""
    if not isinstance(data, dict):
        raise SourceError(name, f"expected a JSON object, found {type(data).__name__}")
    text = data.get("text")
    if not isinstance(text, str):
        raise SourceError(name, "no 'text' string in the object")
    check_text(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fields = metadata_fields(data, name)
    return dated_article(
        text,
        name,
        cli=published,
        own=published_field(data, name),
        own_source="json",
        source_path=source_path,
        **fields,
    )


def iter_json_articles(path: Path, published: datetime | None) -> Iterator[Article | SourceError]:
    """Yield each article of a .json/.jsonl file, or a SourceError for each bad entry
    (a bad line is reported and the other lines go on)."""
    if path.suffix.lower() == ".jsonl":
        try:
            content = read_text_file(path)
        except SourceError as error:
            yield error
            return
        yield from _json_lines(path, content, published)
        return
    try:
        data = read_json_file(path)
    except SourceError as error:
        yield error
        return
    yield from json_value_articles(path, data, published)


def read_json_file(path: Path, *, max_bytes: int = MAX_BYTES) -> object:
    """Return the value the .json file ``path`` holds; SourceError (one line, naming
    the file) when it is unreadable, over ``max_bytes``, not text or not JSON."""
    return parse_json(read_text_file(path, max_bytes=max_bytes), str(path))


def json_value_articles(
    path: Path, data: object, published: datetime | None
) -> Iterator[Article | SourceError]:
    """Yield the article of each object in ``data`` (one object or a list of them, as
    read from the .json file ``path``), or a SourceError for each bad one."""
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, start=1):
        label = f"{path}#{number}" if isinstance(data, list) else str(path)
        try:
            yield article_from_object(item, label, label, published)
        except SourceError as error:
            yield error


def _json_lines(
    path: Path, content: str, published: datetime | None
) -> Iterator[Article | SourceError]:
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        label = f"{path}:{number}"
        try:
            item = parse_json(line, label, one_line=True)
        except SourceError as error:
            yield error
            continue
        try:
            yield article_from_object(item, label, label, published)
        except SourceError as error:
            yield error
