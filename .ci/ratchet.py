"""Lint and type ratchet: count ruff findings and mypy --strict errors per package and
compare them with the counts committed in .ci/ratchet.json.

A count above the committed one fails (new findings came in); a count below it fails
too, asking for the file to be lowered, so the gain is kept. ``--write`` records the
present counts. Returns 0 when every count matches.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = Path(__file__).resolve().parent / "ratchet.json"
PACKAGES = ("timeline", "ui")
# mypy prints "path/to/file.py:12: error: ..." (notes and the summary line are skipped).
MYPY_ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+(?::\d+)?: error:", re.MULTILINE)


def _package_of(path: str) -> str | None:
    first = Path(path).parts[0] if Path(path).parts else ""
    return first if first in PACKAGES else None


def ruff_counts() -> Counter[str]:
    """Return ruff's findings per package (pyproject.toml's [tool.ruff] rules)."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format=json", "--exit-zero",
         *PACKAGES], capture_output=True, text=True, cwd=ROOT, check=True)
    counts: Counter[str] = Counter({name: 0 for name in PACKAGES})
    for finding in json.loads(result.stdout or "[]"):
        package = _package_of(str(Path(finding["filename"]).relative_to(ROOT)))
        if package is not None:
            counts[package] += 1
    return counts


def mypy_counts() -> Counter[str]:
    """Return mypy --strict's errors per package (one run over all, so each module is
    checked once; errors are charged to the package of the file they are in)."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
         "--no-color-output", "--hide-error-context", *PACKAGES],
        capture_output=True, text=True, cwd=ROOT)
    if result.returncode not in (0, 1):  # 2: mypy itself failed (bad config, crash)
        raise SystemExit(f"ratchet: mypy failed:\n{result.stderr or result.stdout}")
    counts: Counter[str] = Counter({name: 0 for name in PACKAGES})
    for match in MYPY_ERROR.finditer(result.stdout):
        package = _package_of(match["path"])
        if package is not None:
            counts[package] += 1
    return counts


def compare(present: dict[str, dict[str, int]], committed: dict[str, dict[str, int]]) -> list[str]:
    """Return one line per count that differs from the committed one (empty: all match)."""
    lines = []
    for tool, by_package in present.items():
        for package, count in by_package.items():
            allowed = committed.get(tool, {}).get(package)
            if allowed is None:
                lines.append(f"{tool} {package}: {count} (no committed count; run with --write)")
            elif count > allowed:
                lines.append(f"{tool} {package}: {count} findings, {allowed} allowed: "
                             "fix the new ones")
            elif count < allowed:
                lines.append(f"{tool} {package}: {count} findings, down from {allowed}: "
                             f"lower .ci/{COUNTS.name} (run .ci/ratchet.py --write)")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Check (or with --write record) the counts; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the present counts")
    args = parser.parse_args(argv)
    present = {"ruff": dict(sorted(ruff_counts().items())),
               "mypy": dict(sorted(mypy_counts().items()))}
    if args.write:
        COUNTS.write_text(json.dumps(present, indent=2) + "\n", encoding="utf-8")
        print(f"ratchet: wrote {present}")
        return 0
    committed = json.loads(COUNTS.read_text(encoding="utf-8"))
    problems = compare(present, committed)
    for line in problems:
        print(f"ratchet: {line}", file=sys.stderr)
    if not problems:
        print(f"ratchet: counts hold {present}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
