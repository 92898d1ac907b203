"""One job at a time in a background thread, reported through Qt signals.

:class:`BackgroundWorker` holds what the export and optimiser workers share:
the thread, the Cancel event and the ``finished``/``failed`` signals, which Qt
delivers in the UI thread. A subclass declares its own ``progress`` signal and
starts a job with :meth:`BackgroundWorker._launch`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from capacityplanner.errors import InputError
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["BackgroundWorker", "copy_workspace"]


def copy_workspace(workspace: Workspace) -> Workspace:
    """A private copy of ``workspace``: later edits in the UI do not reach a running job."""
    copy = Workspace(workspace.dataset, workspace.params)
    copy.layers = dict(workspace.layers)
    copy.capacity_changes = workspace.capacity_changes
    copy.scenario_name = workspace.scenario_name
    return copy


class BackgroundWorker(QObject):
    """Runs one job at a time in a background thread.

    Signals
    -------
    finished(object)
        What the job returned.
    failed(object)
        The exception the job raised (an :class:`InputError` for bad input).
    """

    finished = Signal(object)
    failed = Signal(object)

    #: Message of the :class:`InputError` raised when a job is started while one runs.
    busy_message = "A job is already running; wait for it or cancel it."
    #: Name of the background thread.
    thread_name = "background"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        """True while a job is under way."""
        return self._thread is not None and self._thread.is_alive()

    def _ensure_idle(self) -> None:
        """Raise :class:`InputError` (``busy_message``) while a job is under way."""
        if self.running:
            raise InputError(self.busy_message)

    def _launch(self, job: Callable[[threading.Event], object]) -> None:
        """Run ``job(cancel)`` in a new thread; its result or exception goes to the signals."""
        self._ensure_idle()
        self._cancel = threading.Event()
        cancel = self._cancel

        def work() -> None:
            try:
                out = job(cancel)
            except Exception as exc:  # noqa: BLE001 - reported to the UI, never lost
                self.failed.emit(exc)
            else:
                self.finished.emit(out)

        self._thread = threading.Thread(target=work, name=self.thread_name, daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the running job to stop (it checks the Cancel event at its next step)."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ends (for shutdown and tests); True when it has ended."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()
