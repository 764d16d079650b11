"""What the commands that read the store (events, stories, summary, export) check
before they open it: a span that runs forwards, and a SQLite file that is there (opening
one that is not would create an empty database: a mistyped --db would then read as
"nothing stored" and leave a stray file behind)."""

from __future__ import annotations

import argparse
import sys

INGEST_HINT = "timeline ingest PATH creates it"
IMPORT_HINT = "import articles first with `timeline ingest`"


def refusal(prog: str, args: argparse.Namespace, *, missing_code: int = 2,
            hint: str = INGEST_HINT) -> int | None:
    """Return the exit code after saying on stderr why ``prog`` cannot read (2 when
    --from is not before --to, ``missing_code`` when --db names no SQLite file), or
    None when it can go on."""
    # Imported here: the store's libraries are not loaded for the other commands.
    from timeline.store import database_url, missing_sqlite_file

    if args.start and args.end and args.start >= args.end:
        print(f"{prog}: --from must come before --to", file=sys.stderr)
        return 2
    missing = missing_sqlite_file(database_url(args.db))
    if missing is not None:
        print(f"{prog}: no database at {missing} ({hint})", file=sys.stderr)
        return missing_code
    return None
