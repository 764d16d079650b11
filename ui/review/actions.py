"""The keyboard-first review loop: accept, reject, correct, note, next and previous.

Each action works on the window's current event (or the selected ones) and goes through
the ReviewSession (saved on the store worker, undoable); an event whose row the table
has not fetched yet is passed by id and read by the worker. J/Space and K walk the
listed events in time order or lowest confidence first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from timeline.model import Event, TimeSpan
from ui.dialogs.date_editor import DateEditor, timex_value_of
from ui.dialogs.note_editor import NoteDialog
from ui.state.navigation import CONFIDENCE_ORDER, TIME_ORDER


class ReviewFlow:
    """The review actions of one MainWindow."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.order_mode = window.settings.review_order()

    def _current(self) -> Event | None:
        event: Event | None = self.window.current_event()
        if event is None:
            self.window.notice("Select an event first.")
        return event

    def _targets(self) -> list[Event | int]:
        # Several selected rows are reviewed together; otherwise the current event.
        selected = self.window.selected_ids()
        model = self.window.model
        if len(selected) > 1:
            targets: list[Event | int] = []
            for event_id in selected:
                row = model.row_of(event_id)
                if row is None or model.is_gone(row):
                    continue  # removed elsewhere
                event = model.event_at(row)
                targets.append(event if event is not None else event_id)
            return targets
        event = self.window.current_event()
        if event is not None:
            return [event]
        current = self.window.current_id
        row = model.row_of(current) if current is not None else None
        if row is not None and not model.is_gone(row):
            return [current]  # its row is still on its way: the worker reads it
        self.window.notice("Select an event first.")
        return []

    def accept(self) -> None:
        """Accept the current event, or every selected one (one undo step)."""
        targets = self._targets()
        if targets:
            self.window.session.accept_all(targets)

    def reject(self) -> None:
        """Reject the current event, or every selected one (one undo step)."""
        targets = self._targets()
        if targets:
            self.window.session.reject_all(targets)

    def correct(self, span: TimeSpan | None = None) -> None:
        """Correct the current event's date: to ``span``, or as typed in the date editor."""
        event = self._current()
        if event is None:
            return
        if span is None:
            article = self.window.articles.get(event.article_id)
            current = TimeSpan(event.earliest, event.latest, event.granularity, event.mod)
            editor = DateEditor(current, article.published if article else None, self.window,
                                title=f"Correct the date of “{event.title}”")
            if editor.exec() != QDialog.DialogCode.Accepted:
                return
            span = editor.span()
        self.window.session.correct(event, span.earliest, span.latest, span.granularity,
                                    timex_value=timex_value_of(span))

    def annotate(self, note: str | None = None) -> None:
        """Attach a note to the current event (asked for when not given)."""
        event = self._current()
        if event is None:
            return
        if note is None:
            dialog = NoteDialog(event.note or "", self.window,
                                title=f"Note on “{event.title}”")
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            note = dialog.note()
        self.window.session.annotate(event, note)

    def next_unreviewed(self) -> None:
        """Move to the next unreviewed event (J or Space)."""
        target = self.window.walk.next_unreviewed(self.window.current_id, self.order_mode)
        if target is None:
            self.window.notice("No unreviewed event left in this view.")
            return
        self.window.select_event(target)

    def previous(self) -> None:
        """Move to the event before the current one (K)."""
        target = self.window.walk.previous(self.window.current_id, self.order_mode)
        if target is not None:
            self.window.select_event(target)

    def set_order(self, mode: str) -> None:
        """Walk in time order (TIME_ORDER) or lowest confidence first (CONFIDENCE_ORDER)."""
        self.order_mode = mode if mode in (TIME_ORDER, CONFIDENCE_ORDER) else TIME_ORDER
        self.window.settings.save_review_order(self.order_mode)
