"""Write tagged text as a TimeML document (what the TempEval-3 scorer reads)."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from timeline.model import Mention


def timeml_document(text: str, dct: datetime, mentions: list[Mention], doc_id: str = "") -> str:
    """Return a TimeML document: the DCT element and a <TEXT> holding exactly ``text``
    with a TIMEX3 tag around each calendar/duration/set mention.

    Event-relative mentions ("after the forum") are not TIMEX3 expressions and are left
    out; mentions must not overlap (``tag`` guarantees it).
    """
    pieces: list[str] = []
    position = 0
    tid = 0
    for mention in mentions:
        if mention.event_relative or mention.start < position:
            continue
        tid += 1
        attributes = f'tid="t{tid}" type="{mention.type.value}" value={quoteattr(mention.value)}'
        if mention.mod:
            attributes += f" mod={quoteattr(mention.mod)}"
        pieces.append(escape(text[position : mention.start]))
        pieces.append(f"<TIMEX3 {attributes}>{escape(text[mention.start : mention.end])}</TIMEX3>")
        position = mention.end
    pieces.append(escape(text[position:]))
    dct_value = (
        dct.date().isoformat()
        if dct.time() == datetime.min.time()
        else dct.isoformat(timespec="minutes")
    )
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct_value}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct_value}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(pieces)}</TEXT>\n</TimeML>\n"
    )
