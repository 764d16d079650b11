"""One name per article for its lane, its table cell and its filter entry, unique by id.

Two articles may share a title ("Abortion Foe Charged in Slaying" from two agencies):
grouping lanes by title put both in one lane with one count. Each name carries the
outlet and publication date, and the file's name or a number when even those are the
same. Qt-free.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import PurePath

from timeline.model import Article

SEPARATOR = " — "


def _plain_name(article: Article) -> str:
    return article.title or f"article {article.id}"


def describe(article: Article, name: str) -> str:
    """Return ``name`` followed by the article's outlet and publication date, when known
    ("Abortion Foe Charged in Slaying — NYT, 1999-05-08")."""
    details = [part for part in (
        (article.outlet or "").strip(),
        article.published.date().isoformat() if article.published is not None else "",
    ) if part]
    return f"{name}{SEPARATOR}{', '.join(details)}" if details else name


def lane_names(articles: Iterable[Article],
               name: Callable[[Article], str] = _plain_name) -> dict[int, str]:
    """Return {article id: name} with every name different: ``name(article)`` with the
    outlet and publication date; articles that still read the same get their file's name
    when that tells them apart, else " #2", " #3" ... in id order (not "(2)": a lane's
header shows its count so). Articles without an
    id are left out."""
    kept = {article.id: article for article in articles if article.id is not None}
    described = {article_id: describe(article, " ".join(name(article).split()))
                 for article_id, article in kept.items()}
    repeated = Counter(described.values())
    for article_id, label in list(described.items()):
        path = kept[article_id].source_path
        if repeated[label] > 1 and path:
            described[article_id] = f"{label} ({PurePath(path).name})"
    repeated = Counter(described.values())
    taken = set(described.values())
    seen: Counter[str] = Counter()
    names: dict[int, str] = {}
    for article_id in sorted(described):
        label = described[article_id]
        if repeated[label] > 1:
            seen[label] += 1
            if seen[label] > 1:
                number = seen[label]
                while f"{label} #{number}" in taken:
                    number += 1
                label = f"{label} #{number}"
                taken.add(label)
        names[article_id] = label
    return names
