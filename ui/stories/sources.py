"""A story's sources as the source pane shows them: every article's sentence with its
outlet, publication date and the date it gives, a conflict's readings side by side.

Qt-free: returns HTML in which every piece of article text is escaped (articles are
untrusted; nothing of theirs is ever rendered as markup).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from timeline.display import format_event_date, format_span
from timeline.model import Article, Event, Reading, Story
from ui.dates import day_text

NOT_CHOSEN = "not the chosen reading"


def _sentence(event: Event) -> str:
    """Return the sentence, escaped, with the date expression in bold."""
    text = event.description
    if event.expr_start is not None and event.expr_end is not None:
        start, end = event.expr_start - event.char_start, event.expr_end - event.char_start
        if 0 <= start <= end <= len(text):
            return (escape(text[:start]) + "<b>" + escape(text[start:end]) + "</b>"
                    + escape(text[end:]))
    return escape(text)


def _source_line(event: Event, article: Article | None) -> str:
    outlet = (article.outlet or article.title or "") if article else ""
    published = f"published {day_text(article.published)}" if article and article.published \
        else "no publication date"
    bits = [escape(outlet), published, f"says {escape(format_event_date(event))}",
            escape(event.status.value)]
    return " · ".join(bit for bit in bits if bit)


def _reading_block(reading: Reading, events: Mapping[int, Event],
                   articles: Mapping[int, Article], story: Story) -> str:
    heading = escape(format_span(reading.earliest, reading.latest, reading.granularity, None))
    count = f"{reading.sources} source{'s' if reading.sources != 1 else ''}"
    state = ""
    if story.chosen and not reading.chosen:
        state = f" — <i>{NOT_CHOSEN}</i>"
    elif reading.chosen:
        state = " — <i>chosen by the analyst</i>"
    items = []
    for event_id in reading.event_ids:
        event = events.get(event_id)
        if event is None:
            continue
        article = articles.get(event.article_id) if event.article_id is not None else None
        items.append(f"<p>{_sentence(event)}<br><small>{_source_line(event, article)}"
                     f"</small></p>")
    return f"<h4>{heading} ({count}){state}</h4>" + "".join(items)


def story_html(story: Story, events: Mapping[int, Event],
               articles: Mapping[int, Article]) -> str:
    """Return the HTML of ``story``'s sources: one column per reading when they
    disagree, else one list; events not in ``events`` are left out."""
    title = escape(story.title)
    count = f"{story.sources} source{'s' if story.sources != 1 else ''}"
    head = f"<h3>{title}</h3><p>Story {story.id} · {count}"
    if story.conflict:
        head += " · <b>the sources disagree on the date</b></p>"
        cells = "".join(
            f'<td valign="top" width="{100 // len(story.readings)}%">'
            f"{_reading_block(reading, events, articles, story)}</td>"
            for reading in story.readings)
        return head + f'<table cellspacing="8"><tr>{cells}</tr></table>'
    head += "</p>"
    return head + "".join(_reading_block(r, events, articles, story) for r in story.readings)
