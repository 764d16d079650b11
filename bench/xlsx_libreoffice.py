"""Check: an xlsx export as LibreOffice Calc reads it, against the unguarded CSV.

    .venv/bin/python bench/xlsx_libreoffice.py EXPORT.xlsx EXPORT.csv

EXPORT.csv is `timeline export --no-formula-guard` of the same events. Calc (the
`libreoffice-calc-nogui` Debian package; `soffice` on the PATH) converts the workbook to
ODS and to CSV headless; this prints the rows and columns Calc read, how many cells
differ from the CSV (a date-time or number that reads the same counts as equal), and
the formula, error and date cells in the ODS Calc wrote. Last line: JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false"


def same(shown: str, written: str) -> bool:
    """Return True when Calc's text of a cell reads as the CSV's cell."""
    if shown == written:
        return True
    for parse in (datetime.fromisoformat, float):
        try:
            return parse(shown) == parse(written)
        except ValueError:
            continue
    return False


def convert(workbook: Path, target: str, folder: Path) -> None:
    """Have Calc convert ``workbook`` with filter ``target`` into ``folder``."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("no soffice: apt-get install libreoffice-calc-nogui")
    subprocess.run([soffice, "--headless", "--norestore",
                    f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", target, "--outdir", str(folder), str(workbook)],
                   check=True, capture_output=True, timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xlsx", type=Path)
    parser.add_argument("csv", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        convert(options.xlsx.resolve(), "ods", folder)
        convert(options.xlsx.resolve(), CSV_FILTER, folder)
        stem = options.xlsx.stem
        with (folder / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            read = list(csv.reader(handle))
        content = zipfile.ZipFile(folder / f"{stem}.ods").read("content.xml").decode()
    with options.csv.open(encoding="utf-8", newline="") as handle:
        written = list(csv.reader(handle))
    differing = sum(not same(shown, cell) for row, wanted in zip(read, written)
                    for shown, cell in zip(row, wanted))
    measured = {
        "rows": len(read), "csv_rows": len(written),
        "columns": sorted({len(row) for row in read}),
        "differing_cells": differing + abs(len(read) - len(written)),
        "formula_cells": len(re.findall(r"table:formula=", content)),
        "error_cells": len(re.findall(r"Err:\d+|#VALUE!|#NAME\?|#REF!", content)),
        "date_cells": len(re.findall(r'office:value-type="date"', content)),
    }
    for key, value in measured.items():
        print(f"{key:16} {value}")
    print(json.dumps(measured))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
