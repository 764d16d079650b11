"""Loading articles: text and metadata from files, folders or pasted text.

Formats: .txt/.md (+ sidecar NAME.meta.json), .tml (TimeML), .html/.htm, .json/.jsonl.
The publication date (DCT) comes, in order, from the command line, the file's own
metadata (sidecar, HTML, TimeML <DCT>, JSON ``published``), a dateline in the text,
a date in the file name; ``Article.dct_source`` records which. Every bad input is a
SourceError whose message is one line naming the file and the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Unpack

from timeline.model import Article
from timeline.sources.assemble import ArticleMeta, check_text, dated_article
from timeline.sources.dates import parse_published
from timeline.sources.errors import MissingDateError, SourceError
from timeline.sources.feeds import iter_json_articles
from timeline.sources.plain import SIDECAR_SUFFIX, load_plain
from timeline.sources.reading import path_problem
from timeline.sources.timeml import load_timeml
from timeline.sources.webpage import load_html

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
SUFFIXES = TEXT_SUFFIXES + (".tml",) + HTML_SUFFIXES + JSON_SUFFIXES
# Files that document a folder of articles rather than being one.
FOLDER_DOCUMENTS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING"})
_LOADERS = {".tml": load_timeml, **dict.fromkeys(TEXT_SUFFIXES, load_plain),
            **dict.fromkeys(HTML_SUFFIXES, load_html)}


def article_from_text(
    text: str, published: datetime | None, *, dct_source: str | None = None,
    source_path: str | None = None, **meta: Unpack[ArticleMeta],
) -> Article:
    """Return an Article for pasted or piped text (``meta``: title, url, outlet,
    language, source_path, and dct_source to name where a given ``published`` came
    from, "cli" by default). Without ``published`` the date comes from a dateline or
    the source_path's file name; raises SourceError/MissingDateError otherwise."""
    name = source_path or "<stdin>"
    check_text(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    given_source = dct_source or "cli"
    return dated_article(
        text, name, own=published, own_source=given_source, source_path=source_path, **meta
    )


def load_article(path: Path, published: datetime | None = None) -> Article:
    """Return the one article in the file ``path`` (``published`` overrides its DCT).

    Raises SourceError for an unreadable, unsupported or bad file, or a JSON file
    that does not hold exactly one article.
    """
    path = Path(path)
    problem = path_problem(path)
    if problem is not None:
        raise SourceError(str(path), problem)
    if path.is_dir():
        raise SourceError(str(path), "is a folder, not an article file (give the files "
                          "in it, or load the folder with `timeline ingest`)")
    suffix = path.suffix.lower()
    if suffix in _LOADERS and not path.name.endswith(SIDECAR_SUFFIX):
        try:
            return _LOADERS[suffix](path, published)
        except SourceError:
            raise
        except (RecursionError, MemoryError, ValueError, OSError, LookupError) as error:
            # A parser failing on a strange file (lxml, htmldate) is the file's fault:
            # it is refused with what went wrong, for a folder walk and `timeline tag`.
            first_line = (str(error).strip().splitlines() or [""])[0]
            raise SourceError(
                str(path), f"could not be read ({type(error).__name__}: {first_line})"
            ) from None
    if suffix in JSON_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX):
        results = list(iter_json_articles(path, published))
        if len(results) != 1:
            raise SourceError(str(path), f"holds {len(results)} entries, not one article")
        if isinstance(results[0], SourceError):
            raise results[0]
        return results[0]
    if path.name.endswith(SIDECAR_SUFFIX):
        raise SourceError(str(path), "a sidecar holds metadata, not an article; "
                          "give the article file next to it")
    raise SourceError(str(path), f"unsupported file type (expected {', '.join(SUFFIXES)})")


def iter_articles(path: Path, published: datetime | None = None) -> Iterator[Article | SourceError]:
    """Yield every article under ``path`` (a file or a folder, read recursively in
    sorted order), or a SourceError for each input that cannot be loaded.

    In folders, hidden entries, sidecars, README/LICENSE files and files of other
    types are skipped; a file named explicitly is always loaded or reported.
    """
    for item in collect_files(path):
        if isinstance(item, SourceError):
            yield item
        else:
            yield from _load_file(item, published)


def collect_files(path: Path, skipped: list[Path] | None = None) -> list[Path | SourceError]:
    """Return the files ``iter_articles(path)`` reads: the files of a folder in sorted
    order, or ``[path]`` itself; an unreadable or missing folder entry, or a folder
    with no article file at all, is a SourceError.

    Files a folder walk leaves out as not articles (other types, README and the like,
    but not sidecars or hidden files) are appended to ``skipped`` when it is given.
    """
    path = Path(path)
    problem = path_problem(path)
    if problem is not None:
        return [SourceError(str(path), problem)]
    if path.is_dir():
        found = list(_walk(path, set(), skipped if skipped is not None else []))
        # A folder that holds nothing to read is named, not passed over in silence.
        return found or [SourceError(str(path), "no article files in the folder "
                                     f"(looked for {', '.join(SUFFIXES)})")]
    return [path]


def is_article_file(path: Path) -> bool:
    """Return True when a folder walk loads ``path``: a supported file that is not a
    sidecar, hidden, or a folder's own documentation (README.md and the like)."""
    name = path.name
    return (
        not name.startswith(".")
        and path.suffix.lower() in SUFFIXES
        and not name.endswith(SIDECAR_SUFFIX)
        and path.stem.upper() not in FOLDER_DOCUMENTS
    )


def _walk(folder: Path, visited: set[Path], skipped: list[Path]) -> Iterator[Path | SourceError]:
    # Entries in name order, descending into a sub-folder where its name falls, so the
    # order is that of the sorted paths and the same on every machine.
    real = folder.resolve()
    if real in visited:  # a symbolic link back up the tree
        return
    visited.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield SourceError(str(folder), f"cannot read the folder ({error.strerror or error})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        problem = path_problem(entry) if entry.is_symlink() else None
        if problem is not None:
            # A loop may have been meant as a sub-folder, so it is always named; a
            # link to nothing only when its name is an article file's.
            if is_article_file(entry) or "loop" in problem:
                yield SourceError(str(entry), problem)
            else:
                skipped.append(entry)
            continue
        if entry.is_dir():
            yield from _walk(entry, visited, skipped)
        elif is_article_file(entry):
            yield entry
        elif not entry.name.endswith(SIDECAR_SUFFIX):
            skipped.append(entry)


def _load_file(path: Path, published: datetime | None) -> Iterator[Article | SourceError]:
    if path.suffix.lower() in JSON_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX):
        yield from iter_json_articles(path, published)
        return
    try:
        yield load_article(path, published)
    except SourceError as error:
        yield error


__all__ = [
    "MissingDateError",
    "SUFFIXES",
    "SourceError",
    "article_from_text",
    "collect_files",
    "is_article_file",
    "iter_articles",
    "load_article",
    "parse_published",
]
