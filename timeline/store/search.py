"""The text filter: words of title, sentence and expression found through a full-text
index (FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL; revision 0003).

What the analyst types is cut into words (letters and digits); an event matches when
each word starts a word of its title, sentence or expression, in any case: "Nairo"
finds "Nairobi", "talks capital" finds "talks resumed in the capital". Quotes,
operators and other punctuation are never passed to the index's query language, so no
input can raise. A text with no word at all (only punctuation) falls back to the plain
substring scan it always was.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, ColumnElement, bindparam, column, or_, select, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from timeline.store.schema import EventRow

EVENTS = EventRow.__table__

# unicode61 folds case over all of Unicode and, like the substring scan it replaces,
# keeps accents: "élysée" finds "Élysée" and not "Elysee".
SQLITE_TOKENIZER = "unicode61 remove_diacritics 0"
# The indexed expression; a query must repeat it exactly for PostgreSQL to use the index.
PG_DOCUMENT = (
    "to_tsvector('simple'::regconfig, "
    "title || ' ' || description || ' ' || coalesce(expression, ''))"
)
_PG_DOCUMENT_QUALIFIED = (
    "to_tsvector('simple'::regconfig, "
    "events.title || ' ' || events.description || ' ' || coalesce(events.expression, ''))"
)
# A word is a run of letters and digits (the tokenizers of both backends split there).
_WORD = re.compile(r"[^\W_]+")
# More words than anyone types; keeps a pasted paragraph from making a huge query.
MAX_WORDS = 32

_FTS = table("events_fts", column("rowid"), column("events_fts"))


def search_words(typed: str) -> list[str]:
    """Return the words of ``typed`` the index is asked for, lower case, in order, no repeats."""
    words: list[str] = []
    for word in _WORD.findall(typed.lower()):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def fts5_query(words: list[str]) -> str:
    """Return the FTS5 MATCH expression: every word as a quoted prefix, all required."""
    # A word holds letters and digits only, so quoting it cannot break out of the string.
    return " ".join(f'"{word}"*' for word in words)


def tsquery(words: list[str]) -> str:
    """Return the PostgreSQL to_tsquery text: every word as a prefix, all required."""
    return " & ".join(f"'{word}':*" for word in words)


def text_filter(typed: str) -> ColumnElement[bool]:
    """Return the WHERE clause for the text filter ``typed`` (see the module docstring)."""
    # PostgreSQL refuses a NUL in any text, and no stored text holds one.
    typed = typed.replace("\x00", "")
    words = search_words(typed)
    if not words:
        return substring_filter(typed)
    return TextMatch(words, typed)


def substring_filter(typed: str) -> ColumnElement[bool]:
    """Return the plain scan: ``typed`` anywhere in title, sentence or expression, any case."""
    return or_(
        EVENTS.c.title.icontains(typed, autoescape=True),
        EVENTS.c.description.icontains(typed, autoescape=True),
        EVENTS.c.expression.icontains(typed, autoescape=True),
    )


class TextMatch(ColumnElement[bool]):
    """Events whose text holds every one of ``words`` as a word prefix; compiled per
    backend (the index's query on SQLite and PostgreSQL, the substring scan elsewhere)."""

    inherit_cache = False
    type = Boolean()
    # A condition as it stands (no "= 1" added on backends without a boolean type).
    _is_implicitly_boolean = True

    def __init__(self, words: list[str], typed: str) -> None:
        self.words = words
        self.typed = typed


@compiles(TextMatch, "sqlite")
def _sqlite_match(element: TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    matching = select(_FTS.c.rowid).where(
        _FTS.c.events_fts.op("MATCH")(bindparam(None, fts5_query(element.words), unique=True))
    )
    return compiler.process(EVENTS.c.id.in_(matching), **kw)


@compiles(TextMatch, "postgresql")
def _postgresql_match(element: TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    query = text(f"{_PG_DOCUMENT_QUALIFIED} @@ to_tsquery('simple'::regconfig, :words)")
    clause = query.bindparams(bindparam("words", tsquery(element.words), unique=True))
    return compiler.process(clause, **kw)


@compiles(TextMatch)
def _other_match(element: TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(substring_filter(element.typed), **kw)
