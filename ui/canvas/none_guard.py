"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

There, every Qt call that returns nothing (``painter.drawRect``, ``setPen``, ...) gives back
``None`` without taking a reference to it, so each call lowers ``None``'s count by one and,
after some thousands of calls, Python aborts ("deallocating None"). The canvas makes
thousands of such calls per frame. Python 3.12+ makes ``None`` immortal by giving it a
huge count; on 3.11 we do the same by hand, once: ``None`` is never freed anyway, so extra
references cost nothing, while too few are fatal.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # about 10^12 leaked references before trouble: never, in practice
_given = False


def give_none_headroom() -> bool:
    """Make ``None`` practically immortal on Python < 3.12; return True if it was needed."""
    global _given
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or _given:
        return False
    # ob_refcnt is the first field of every object in CPython 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
    _given = True
    return True
