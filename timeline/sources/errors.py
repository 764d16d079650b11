"""The errors a loader reports: one line each, naming the file and the reason."""

from __future__ import annotations


class SourceError(Exception):
    """An input that cannot become an article; ``str()`` is ``"NAME: reason"``."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class MissingDateError(SourceError):
    """The text is readable but no publication date (DCT) was found for it."""
