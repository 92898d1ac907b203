"""Guard against a reference-count defect of PySide6 6.12 on Python 3.11.

On Python 3.11 the PySide6 6.12 bindings return ``None`` from every
void C++ method without taking a reference to it (Python 3.12 made
``None`` immortal, which hides the defect there). Each call such as
``pen.setWidthF(1.0)`` then lowers ``None``'s reference count by one, and
after some thousands of calls Python aborts with "none_dealloc: deallocating
None". The map draws with thousands of such calls per second.

:func:`guard_none_refcount` detects the defect and, only when present,
raises ``None``'s reference count far beyond anything a session can
consume. ``None`` is never freed in CPython anyway, so this changes nothing
else. Remove this module once the bindings are fixed or Python >= 3.12 is
required.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["guard_none_refcount", "none_refcount_defect"]

_RESERVE = 1 << 40
_applied = False


def none_refcount_defect() -> bool:
    """True when a void PySide6 method call lowers ``None``'s reference count."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(8):
        point.setX(1.0)
    return sys.getrefcount(None) < before - 4


def guard_none_refcount() -> bool:
    """Apply the guard when the defect is present; return whether it is in effect."""
    global _applied
    if _applied:
        return True
    if none_refcount_defect():
        # CPython 3.11 object header: ob_refcnt (Py_ssize_t) comes first.
        ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
        _applied = True
    return _applied
