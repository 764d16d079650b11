"""`timeline remove-article`: take an article and all its events out (undo an import).

The removal is audited in the database (what went, by whom, when); ``--dry-run`` says
what would go without removing anything.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.store import ArticleRemoval


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `remove-article` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "remove-article",
        help="remove an article with its events (undo an import), audited",
        description="Remove stored articles with their events, reviews and story places, "
        "in one transaction each; an audit record keeps what was removed. The ids are the "
        "article_id of `timeline events --format json`.",
    )
    parser.add_argument("article_ids", nargs="+", type=int, metavar="ID",
                        help="the id of an article to remove")
    parser.add_argument("--db", metavar="URL", help="database URL (default: the app's own file)")
    parser.add_argument("--dry-run", action="store_true",
                        help="say what would be removed, remove nothing")
    parser.set_defaults(func=run)


def describe(removal: ArticleRemoval) -> str:
    """Return one line naming the article and what goes with it."""
    source = ", ".join(part for part in (
        removal.outlet, f"{removal.published:%Y-%m-%d}" if removal.published else None,
        removal.source_path) if part)
    events = f"{removal.events} event{'s' if removal.events != 1 else ''}"
    edits = (f"{removal.reviews} analyst edit{'s' if removal.reviews != 1 else ''} on "
             f"{removal.reviewed_events} reviewed event"
             f"{'s' if removal.reviewed_events != 1 else ''}")
    title = removal.title or "(untitled)"
    return f"article {removal.article_id} {title!r} ({source or 'no source'}): {events}, {edits}"


def run(args: argparse.Namespace) -> int:
    """Remove the articles; returns 0, 1 when an id names no article, 2 when the
    database cannot be opened or written."""
    from timeline.store import (
        NotFoundError,
        StoreError,
        database_url,
        missing_sqlite_file,
        open_repository,
    )

    missing = missing_sqlite_file(database_url(args.db))
    if missing is not None:
        print(f"timeline remove-article: no database at {missing}", file=sys.stderr)
        return 2
    code = 0
    try:
        with open_repository(args.db, read_only=args.dry_run) as repository:
            for article_id in args.article_ids:
                try:
                    if args.dry_run:
                        print(f"would remove {describe(repository.article_removal(article_id))}")
                    else:
                        print(f"removed {describe(repository.remove_article(article_id))}")
                except NotFoundError as error:
                    print(f"timeline remove-article: {error}; nothing removed",
                          file=sys.stderr)
                    code = 1
    except StoreError as error:
        print(f"timeline remove-article: {error}", file=sys.stderr)
        return 2
    return code
