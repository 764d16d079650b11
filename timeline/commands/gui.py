"""`timeline` / `timeline gui [--db URL] [--screenshot FILE.png]`: the desktop app.

The core never imports the UI (tests/test_layering.py): the app's start function is
looked up by name only when this command runs, so importing the core loads no Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys

APP_MODULE = "ui.app"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``gui`` sub-command (what a bare ``timeline`` runs) to ``subparsers``."""
    parser = subparsers.add_parser("gui", help="open the desktop app (the default command)")
    parser.add_argument("--db", metavar="URL",
                        help="SQLAlchemy database URL or SQLite file (default: last used, "
                             "else the app's own file in the user data folder)")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the loaded main window to a PNG and exit")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the desktop app; returns its exit code."""
    try:
        app_module = importlib.import_module(APP_MODULE)
    except ImportError as error:
        print(f"timeline: the desktop app cannot start: {error}", file=sys.stderr)
        return 2
    exit_code: int = app_module.run(args.db, args.screenshot)
    return exit_code
