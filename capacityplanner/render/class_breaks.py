"""Round class widths for graduated styles (plain numbers, no Qt).

The balance map in the window and the council exports class their values
with the same round widths, so both use :func:`nice_step`.
"""

from __future__ import annotations

import numpy as np

__all__ = ["nice_step"]


def nice_step(span: float, n: int) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) so ``n`` steps cover ``span``.

    Parameters
    ----------
    span : float
        The range to cover.
    n : int
        The most steps (classes) wanted.

    Returns
    -------
    float
        The step; 1.0 when ``span`` or ``n`` is not positive.

    Examples
    --------
    >>> nice_step(430, 4)
    200.0
    >>> nice_step(410, 4)
    200.0
    >>> nice_step(90, 4)
    25.0
    """
    if span <= 0 or n <= 0:
        return 1.0
    raw = span / n
    power = 10.0 ** np.floor(np.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * power >= raw:
            return float(m * power)
    return float(10 * power)  # pragma: no cover - the loop always returns
