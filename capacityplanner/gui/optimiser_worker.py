"""Run the planning model off the UI thread, with progress and a working Cancel.

:func:`run_plan` is the plain function (build the planning problem from a
snapshot of the workspace, then :func:`~capacityplanner.models.optimise.solve_plan`);
:class:`PlanWorker` runs it in a background thread and reports through Qt
signals, which Qt delivers in the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal

from capacityplanner.errors import InputError
from capacityplanner.gui.background import BackgroundWorker, copy_workspace
from capacityplanner.models.optimise import PlanningProblem, PlanResult, solve_plan
from capacityplanner.scenarios.plan_inputs import expand_levels
from capacityplanner.scenarios.session import plan_problem
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["PlanOutcome", "PlanRequest", "PlanWorker", "run_plan", "snapshot_workspace"]

CANDIDATE_LAYER = "kandidaatsites"


@dataclass
class PlanRequest:
    """Everything the optimiser dialog asks.

    Parameters
    ----------
    model : {"cover-cost", "p-median", "max-cover", "min-sites"}
    levels : tuple of str
        Levels to plan (``basis`` stands for kleuter and lager).
    year : int
        Target school year.
    max_distance : float, optional
        Metres for every planned level; None keeps the level defaults.
    budget : float, optional
        EUR; None: no limit.
    sites : int, optional
        p for p-median, else the most new sites; None: no limit.
    brede_saving : float
        Share of fixed cost saved per extra function on one site.
    brede_standard, basis_with_bso, allow_unmet : bool
        City rules and whether demand may stay unserved.
    places_within_shortfall : bool
        p-median: build places beyond the shortfall only where children would
        otherwise have none (see ``PlanOptions.places_within_shortfall``).
    min_expansion : float
        An existing site grows by at least this many places or not at all
        (``PlanOptions.min_expansion_places``); 0: no minimum.
    distance : {"network", "straight"}
    candidate_layer : str
        Workspace layer holding the candidate sites.
    time_limit : float, optional
        Seconds.
    """

    model: str = "cover-cost"
    levels: tuple[str, ...] = ("secundair",)
    year: int = 2024
    max_distance: float | None = None
    budget: float | None = None
    sites: int | None = None
    brede_saving: float = 0.25
    brede_standard: bool = False
    basis_with_bso: bool = False
    allow_unmet: bool = True
    places_within_shortfall: bool = True
    min_expansion: float = 0.0
    distance: str = "network"
    candidate_layer: str = CANDIDATE_LAYER
    time_limit: float | None = 120.0

    def settings(self) -> dict[str, Any]:
        """The request as scenario optimiser settings (``scenario.params["optimiser"]``)."""
        levels = expand_levels(self.levels)
        return {
            "model": self.model,
            "levels": list(self.levels),
            "year": int(self.year),
            "budget": self.budget,
            "sites": self.sites,
            "brede_saving": float(self.brede_saving),
            "brede_standard": bool(self.brede_standard),
            "basis_with_bso": bool(self.basis_with_bso),
            "allow_unmet": bool(self.allow_unmet),
            "places_within_shortfall": bool(self.places_within_shortfall),
            "min_expansion": float(self.min_expansion),
            "distance": self.distance,
            "max_distance": {lv: float(self.max_distance) for lv in levels}
            if self.max_distance
            else {},
            "time_limit": self.time_limit,
        }


@dataclass
class PlanOutcome:
    """The problem that was solved and the plan the model proposes."""

    request: PlanRequest
    problem: PlanningProblem | None
    result: PlanResult | None
    settings: dict[str, Any] = field(default_factory=dict)


def snapshot_workspace(workspace: Workspace, candidate_layer: str = CANDIDATE_LAYER) -> Workspace:
    """A private copy of ``workspace`` for a background solve.

    Later edits in the UI do not reach it; ``candidate_layer`` becomes its
    ``kandidaatsites``.
    """
    if candidate_layer not in workspace.layers:
        raise InputError(f"The candidate layer {candidate_layer!r} is not loaded.")
    copy = copy_workspace(workspace)
    copy.layers[CANDIDATE_LAYER] = workspace.layers[candidate_layer]
    return copy


def run_plan(
    workspace: Workspace,
    request: PlanRequest,
    progress: Callable[[float | None, str], None] | None = None,
    cancel: threading.Event | None = None,
) -> PlanOutcome:
    """Build the planning problem of ``request`` and solve it.

    Returns
    -------
    PlanOutcome
        ``result`` is None when cancelled before the solve started.
    """
    say = progress or (lambda fraction, message: None)
    say(None, "building the planning model")
    problem, options = plan_problem(workspace, request.settings())
    if cancel is not None and cancel.is_set():
        return PlanOutcome(request, problem, None, request.settings())
    result = solve_plan(problem, options, progress=progress, cancel=cancel)
    return PlanOutcome(request, problem, result, request.settings())


class PlanWorker(BackgroundWorker):
    """Solves one request at a time in a background thread.

    Signals
    -------
    progress(object, str)
        Fraction done (or None when unknown) and what the solver is doing.
    finished(object)
        The :class:`PlanOutcome`.
    failed(object)
        The exception (an :class:`InputError` for bad input).

    :meth:`cancel` asks the solve to stop; it returns its best plan so far
    within about a second.
    """

    progress = Signal(object, str)

    busy_message = "The optimiser is already running; wait for it or cancel it."
    thread_name = "optimiser"

    def start(self, workspace: Workspace, request: PlanRequest) -> None:
        """Solve ``request`` on a snapshot of ``workspace`` in a background thread."""
        self._ensure_idle()
        snapshot = snapshot_workspace(workspace, request.candidate_layer)
        self._launch(lambda cancel: run_plan(snapshot, request, self.progress.emit, cancel))
