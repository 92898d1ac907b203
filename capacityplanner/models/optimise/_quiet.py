"""Keep HiGHS's copyright banner off standard output.

highspy prints its banner on stdout the first time a ``Highs`` object is made
in a process, before any option can silence it; that would corrupt the
command line's ``--json`` output. :func:`absorb_banner` makes that first
object with the process's standard output (file descriptor 1) pointed at
``/dev/null``, so later ``Highs()`` objects print nothing.
"""

from __future__ import annotations

import os
import sys

_done = False


def absorb_banner() -> None:
    """Create (and drop) the process's first ``Highs`` object with stdout silenced."""
    global _done
    if _done:
        return
    import highspy

    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no usable descriptor 1 (embedded interpreter): nothing to protect
        highspy.Highs()
        _done = True
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    _done = True
