"""The inspector: every field of the selected event, and what a correction changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from timeline.model import Event, Granularity, Status
from ui.inspector import Inspector

SUNDAY = Event(
    title="Kim left for Russia", description="Kim left for Russia on Sunday.",
    char_start=0, char_end=29, expression="Sunday", expr_start=21, expr_end=27,
    timex_type="DATE", timex_value="2023-09-10", mod=None,
    earliest=datetime(2023, 9, 10), latest=datetime(2023, 9, 11), granularity=Granularity.DAY,
    confidence=0.85, explanation="'Sunday' + past tense -> 2023-09-10", anchor="2023-09-12",
)


def test_fields_of_an_unreviewed_event(qtbot):
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.show_event(SUNDAY, [])
    assert inspector.shown("date") == "Sun 10 Sep 2023"
    assert inspector.shown("interval").startswith("2023-09-10 00:00 → 2023-09-11 00:00")
    assert inspector.shown("explanation") == SUNDAY.explanation
    assert inspector.shown("anchor") == "2023-09-12"
    assert inspector.shown("confidence") == "0.85"
    assert inspector.shown("inferred") == "no"


def test_a_corrected_event_does_not_pass_the_tagger_reading_off_as_its_reason(qtbot):
    inspector = Inspector()
    qtbot.addWidget(inspector)
    corrected = replace(SUNDAY, status=Status.CORRECTED, earliest=datetime(2023, 9, 9),
                        latest=datetime(2023, 9, 10))
    inspector.show_event(corrected, [])
    assert inspector.shown("date") == "Sat 9 Sep 2023"
    assert inspector.shown("explanation").startswith("Corrected by an analyst.")
    assert SUNDAY.explanation in inspector.shown("explanation")


def test_an_until_event_is_open_ended_with_no_start_not_hung_on_another_event(qtbot):
    inspector = Inspector()
    qtbot.addWidget(inspector)
    until = replace(SUNDAY, earliest=None, open_ended=True)
    inspector.show_event(until, [])
    assert inspector.shown("inferred") == "no, open-ended (no start given)"
    inspector.show_event(replace(SUNDAY, earliest=None, latest=None, open_ended=True), [])
    assert inspector.shown("inferred") == "no, open-ended (relative to another event)"
