"""Run an export off the UI thread, with progress and a working Cancel.

:class:`ExportWorker` runs :func:`~capacityplanner.export.jobs.run_export` on a
private copy of the workspace in a background thread and reports through Qt
signals, which Qt delivers in the UI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from capacityplanner.errors import InputError
from capacityplanner.export.jobs import ExportRequest, run_export
from capacityplanner.export.views import MapView
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["ExportWorker", "snapshot_workspace"]


def snapshot_workspace(workspace: Workspace) -> Workspace:
    """A private copy of ``workspace``: later edits in the UI do not reach a running export."""
    copy = Workspace(workspace.dataset, workspace.params)
    copy.layers = dict(workspace.layers)
    copy.capacity_changes = workspace.capacity_changes
    copy.scenario_name = workspace.scenario_name
    return copy


class ExportWorker(QObject):
    """Writes one export at a time in a background thread.

    Signals
    -------
    progress(float, str)
        Fraction done and what is being written (the atlas: per page).
    finished(object)
        The file written, or None when cancelled.
    failed(object)
        The exception (an :class:`InputError` for bad input).
    """

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        """True while an export is under way."""
        return self._thread is not None and self._thread.is_alive()

    def start(
        self,
        workspace: Workspace,
        request: ExportRequest,
        *,
        current: MapView | None = None,
        plan=None,
    ) -> None:
        """Write ``request`` from a snapshot of ``workspace`` in a background thread."""
        if self.running:
            raise InputError("An export is already running; wait for it or cancel it.")
        snapshot = snapshot_workspace(workspace)
        self._cancel = threading.Event()
        cancel = self._cancel

        def work() -> None:
            try:
                out = run_export(
                    request,
                    snapshot,
                    current=current,
                    plan=plan,
                    progress=lambda f, m: self.progress.emit(float(f), str(m)),
                    cancel=cancel,
                )
            except Exception as exc:  # noqa: BLE001 - reported to the UI, never lost
                self.failed.emit(exc)
            else:
                self.finished.emit(out)

        self._thread = threading.Thread(target=work, name="export", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the export to stop at its next step; a partial file is removed."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ends (for shutdown and tests); True when it has ended."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()
