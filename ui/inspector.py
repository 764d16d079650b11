"""The inspector dock: everything known about the selected event, and its history."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.display import format_event_date
from timeline.model import Event, Review, Status

# What the analyst acts on first (the date, its status and note), then why the date is
# what it is, then the details: at 1400x900 the dock shows about eight rows, and status
# and note must be among them without scrolling.
FIELDS = (
    ("date", "Date"),
    ("status", "Status"),
    ("note", "Note"),
    ("expression", "Expression"),
    ("explanation", "How it was resolved"),
    ("confidence", "Confidence"),
    ("granularity", "Granularity"),
    ("interval", "Interval [from, until)"),
    ("timex", "TIMEX3 value"),
    ("anchor", "Anchor"),
    ("inferred", "Inferred"),
)


def _moment(value: datetime | None) -> str:
    if value is None:
        return "open"
    return value.isoformat(sep=" ", timespec="minutes")


def _explanation(event: Event) -> str:
    # After a correction the stored explanation still tells how the tagger read the
    # expression; say so, or it reads as the reason for the corrected date.
    text = event.explanation or "—"
    if Status(event.status) is Status.CORRECTED:
        return f"Corrected by an analyst. The tagger had read: {text}"
    return text


class Inspector(QWidget):
    """Shows one event's fields and its review history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)  # a dense form: more rows in the dock's height
        self.values: dict[str, QLabel] = {}
        for name, caption in FIELDS:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = label
            form.addRow(caption + ":", label)
        self.history = QTreeWidget()
        self.history.setHeaderLabels(["When", "Who", "Field", "Was", "Now"])
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(form)
        layout.addWidget(QLabel("Review history:"))
        layout.addWidget(self.history, 1)
        self.clear()

    def clear(self, placeholder: str = "No event selected") -> None:
        """Show that nothing is selected (or, with another ``placeholder``, why not yet)."""
        for label in self.values.values():
            label.setText("")
        self.values["date"].setText(placeholder)
        self.history.clear()

    def show_event(self, event: Event, history: list[Review]) -> None:
        """Show the event's fields and its audit rows (oldest first)."""
        granularity = getattr(event.granularity, "value", event.granularity)
        shown = {
            "date": format_event_date(event),
            "interval": f"{_moment(event.earliest)} → {_moment(event.latest)} ",
            "granularity": str(granularity).replace("_", " ")
            + (f", {event.mod}" if event.mod else ""),
            "expression": event.expression or "—",
            "timex": event.timex_value or "—",
            "explanation": _explanation(event),
            "anchor": event.anchor or "—",
            "confidence": f"{event.confidence:.2f}",
            "inferred": ("yes" if event.inferred else "no") + _open_end(event),
            "status": Status(event.status).value + f" (version {event.version})",
            "note": event.note or "—",
        }
        for name, text in shown.items():
            self.values[name].setText(text)
        self.history.clear()
        for review in history:
            item = QTreeWidgetItem([
                review.at.isoformat(sep=" ", timespec="seconds"),
                review.actor,
                review.field,
                review.old_value or "",
                review.new_value or "",
            ])
            self.history.addTopLevelItem(item)

    def shown(self, name: str) -> str:
        """Return the text shown for one field (see FIELDS)."""
        return self.values[name].text()


def _open_end(event: Event) -> str:
    # "up until Thursday" ends at a date with no start; "after the forum" hangs on an event.
    if not event.open_ended:
        return ""
    if event.earliest is None and event.latest is not None:
        return ", open-ended (no start given)"
    return ", open-ended (relative to another event)"
