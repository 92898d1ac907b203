"""Run an export off the UI thread, with progress and a working Cancel.

:class:`ExportWorker` runs :func:`~capacityplanner.export.jobs.run_export` on a
private copy of the workspace in a background thread and reports through Qt
signals, which Qt delivers in the UI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Signal

from capacityplanner.export.jobs import ExportRequest, run_export
from capacityplanner.export.views import MapView
from capacityplanner.gui.background import BackgroundWorker, copy_workspace
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["ExportWorker", "snapshot_workspace"]


def snapshot_workspace(workspace: Workspace) -> Workspace:
    """A private copy of ``workspace``: later edits in the UI do not reach a running export."""
    return copy_workspace(workspace)


class ExportWorker(BackgroundWorker):
    """Writes one export at a time in a background thread.

    Signals
    -------
    progress(float, str)
        Fraction done and what is being written (the atlas: per page).
    finished(object)
        The file written, or None when cancelled.
    failed(object)
        The exception (an :class:`InputError` for bad input).

    :meth:`cancel` asks the export to stop at its next step; a partial file is
    removed.
    """

    progress = Signal(float, str)

    busy_message = "An export is already running; wait for it or cancel it."
    thread_name = "export"

    def start(
        self,
        workspace: Workspace,
        request: ExportRequest,
        *,
        current: MapView | None = None,
        plan=None,
    ) -> None:
        """Write ``request`` from a snapshot of ``workspace`` in a background thread."""
        self._ensure_idle()
        snapshot = snapshot_workspace(workspace)

        def job(cancel: threading.Event) -> Path | None:
            return run_export(
                request,
                snapshot,
                current=current,
                plan=plan,
                progress=lambda f, m: self.progress.emit(float(f), str(m)),
                cancel=cancel,
            )

        self._launch(job)
