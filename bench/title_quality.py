"""Event titles against the titles an analyst expects, on the 67 news sentences of
``tests/timeline/events/titles_set.json`` (AQUAINT and Timeline17 development sentences
and written ones): how many come out exactly as expected, and how many acceptably (one
of the right titles, or one shortened at a word with an ellipsis).

    .venv/bin/python bench/title_quality.py [--show]

The last line is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET_TEST = ROOT / "tests" / "timeline" / "events" / "test_titles_set.py"


def main() -> int:
    """Print the figures; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print each title not exact")
    args = parser.parse_args()
    # The scoring is the test's own, so the bench and the test cannot drift apart.
    spec = importlib.util.spec_from_file_location("titles_set_test", SET_TEST)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SET_TEST}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    outcomes = module.titles_of_set()
    exact = sum(outcome.exact for outcome in outcomes)
    acceptable = sum(outcome.acceptable for outcome in outcomes)
    if args.show:
        for outcome in outcomes:
            if not outcome.exact:
                mark = "ok " if outcome.acceptable else "BAD"
                print(f"{mark} {outcome.title}\n    expected {outcome.item['title']}")
    print(f"sentences {len(outcomes)}, exact {exact}, acceptable {acceptable}")
    print(json.dumps({"sentences": len(outcomes), "exact": exact, "acceptable": acceptable}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
