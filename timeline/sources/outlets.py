"""The outlet named in a news dateline: "NAIROBI, Kenya (Reuters) -", "WASHINGTON (AP) _".

Only well-known agencies and outlets count: a bracket in a dateline can also hold a
region or a date, and an outlet made up from one would group and cite wrongly.
"""

from __future__ import annotations

import re

from timeline.sources.dates import opening_dateline

# What the bracket says (case-folded) -> the outlet's name as it is cited.
AGENCIES = {
    "reuters": "Reuters", "ap": "AP", "associated press": "AP", "afp": "AFP",
    "agence france-presse": "AFP", "xinhua": "Xinhua", "bloomberg": "Bloomberg",
    "dpa": "dpa", "kyodo": "Kyodo", "yonhap": "Yonhap", "interfax": "Interfax",
    "tass": "TASS", "itar-tass": "TASS", "ria novosti": "RIA Novosti", "ansa": "ANSA",
    "efe": "EFE", "upi": "UPI", "pti": "PTI", "ians": "IANS", "anadolu": "Anadolu",
    "cnn": "CNN", "bbc": "BBC", "apa": "APA", "ani": "ANI", "bernama": "Bernama",
    "antara": "Antara", "kuna": "KUNA", "wafa": "WAFA", "irna": "IRNA", "cna": "CNA",
}
# A dateline sits in the first lines of an article.
DATELINE_LINES = 4
_BRACKET = re.compile(r"\(([^()]{1,40})\)")


def dateline_outlet(text: str) -> str | None:
    """Return the outlet a dateline near the top of ``text`` names in brackets
    ("Reuters" for "NAIROBI, Kenya (Reuters) -"), None when there is no dateline or
    its bracket names no well-known agency."""
    for line in text.lstrip().split("\n", DATELINE_LINES)[:DATELINE_LINES]:
        length = opening_dateline(line.strip())
        if not length:
            continue
        for bracket in _BRACKET.finditer(line.strip()[:length]):
            outlet = AGENCIES.get(" ".join(bracket.group(1).split()).casefold())
            if outlet is not None:
                return outlet
        return None
    return None
