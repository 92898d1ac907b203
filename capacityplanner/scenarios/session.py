"""Between a stored :class:`Scenario` and a working :class:`Workspace`, and running it.

* :func:`workspace_from_scenario`: the data set with the scenario's edited
  layers, capacity changes and parameters;
* :func:`update_scenario`: write the workspace's assumptions back;
* :func:`run_scenario`: forecast, balance and (when the scenario has optimiser
  settings) a plan, stored as the scenario's results.

Parameters live in ``scenario.params`` as ``{"forecast": {...}, "optimiser": {...}}``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from capacityplanner.geodata.dataset import Dataset
from capacityplanner.models.params import ForecastParams
from capacityplanner.scenarios.defaults import layer_hash
from capacityplanner.scenarios.model import Scenario
from capacityplanner.scenarios.workspace import Workspace

#: Optimiser settings a scenario may hold, with their defaults.
DEFAULT_OPTIMISER: dict[str, Any] = {
    "model": "cover-cost",
    "levels": ["secundair"],
    "year": 2024,
    "budget": None,
    "sites": None,
    "brede_saving": 0.25,
    "brede_standard": False,
    "basis_with_bso": False,
    "allow_unmet": True,
    "places_within_shortfall": True,
    "min_expansion": 0.0,
    "distance": "network",
    "max_distance": {},
    "time_limit": 120.0,
}
#: School years stored in a scenario's balance results.
RESULT_YEARS = tuple(range(2024, 2036))


def workspace_from_scenario(scenario: Scenario, dataset: Dataset) -> Workspace:
    """A workspace holding the scenario's parameters and edits on top of ``dataset``."""
    forecast = scenario.params.get("forecast", {})
    params = ForecastParams.from_dict(forecast, source=f"Scenario {scenario.name!r}")
    workspace = Workspace(dataset, params)
    drifted = [
        name
        for name, digest in scenario.layer_refs.items()
        if name in dataset.layers
        and name not in scenario.layers
        and layer_hash(dataset.layers[name]) != digest
    ]
    if drifted:
        warnings.warn(
            f"Scenario {scenario.name!r} was made on other contents of layer(s) "
            f"{', '.join(sorted(drifted))}; it now uses the data set's current contents.",
            stacklevel=2,
        )
    for name, layer in scenario.layers.items():
        workspace.layers[name] = layer
    workspace.plan_results = {k: v for k, v in scenario.results.items() if k.startswith("plan_")}
    workspace.optimiser_settings = dict(scenario.params.get("optimiser", {}) or {})
    if isinstance(scenario.capacity_changes, pd.DataFrame) and len(
        scenario.capacity_changes.columns
    ):
        workspace.capacity_changes = scenario.capacity_changes.copy()
    return workspace


def update_scenario(scenario: Scenario, workspace: Workspace, edited: tuple[str, ...] = ()) -> None:
    """Copy the workspace's parameters, capacity changes and edited layers into ``scenario``."""
    scenario.params = dict(scenario.params)
    scenario.params["forecast"] = workspace.params.to_dict()
    scenario.capacity_changes = workspace.capacity_changes.copy()
    for name in edited:
        scenario.layers[name] = workspace.layers[name].copy()
    if workspace.plan_results:
        scenario.results = {
            **{k: v for k, v in scenario.results.items() if not k.startswith("plan_")},
            **workspace.plan_results,
        }
        # stored parameters are TOML-able: no None values
        scenario.params["optimiser"] = {
            k: v for k, v in workspace.optimiser_settings.items() if v is not None
        }


def optimiser_settings(scenario: Scenario) -> dict[str, Any]:
    """The scenario's optimiser settings over the defaults."""
    settings = dict(DEFAULT_OPTIMISER)
    settings.update(scenario.params.get("optimiser", {}) or {})
    return settings


def run_scenario(
    scenario: Scenario,
    dataset: Dataset,
    plan: bool = True,
    progress: Callable[[float | None, str], None] | None = None,
) -> Scenario:
    """Compute forecast, balance and plan and store them in ``scenario.results``.

    Returns
    -------
    Scenario
        The same scenario object, its results replaced.
    """
    report = progress or (lambda fraction, message: None)
    workspace = workspace_from_scenario(scenario, dataset)
    report(0.05, "forecast")
    forecast = workspace.forecast("sector")
    frames = []
    for year in RESULT_YEARS:
        if year <= workspace.params.end_year:
            frames.append(workspace.balance(year))
    results: dict[str, pd.DataFrame] = {"balance": pd.concat(frames, ignore_index=True)}
    report(0.3, "balance")
    pop = forecast.population[forecast.variant_index()]
    bands = {"0-2": (0, 3), "3-5": (3, 6), "6-11": (6, 12), "12-17": (12, 18), "18-24": (18, 25)}
    rows = []
    wijk_pos = forecast.area_wijknr
    for band, (low, high) in bands.items():
        per_area = pop[:, low:high, :].sum(axis=1)  # (areas, years)
        for wijknr in np.unique(wijk_pos):
            values = per_area[wijk_pos == wijknr].sum(axis=0)
            rows.append(
                pd.DataFrame(
                    {
                        "wijknr": int(wijknr),
                        "age_band": band,
                        "year": forecast.years,
                        "population": values,
                    }
                )
            )
    results["forecast"] = pd.concat(rows, ignore_index=True)
    if plan:
        report(0.4, "plan")
        settings = optimiser_settings(scenario)
        workspace.set_plan(plan_results(workspace, settings, progress=report), settings)
    else:
        results.update(workspace.plan_results)
    scenario.results = results
    update_scenario(scenario, workspace)
    report(1.0, "done")
    return scenario


def plan_problem(workspace: Workspace, settings: dict[str, Any]):
    """The planning problem and solver options that optimiser ``settings`` describe.

    ``settings`` has the keys of :data:`DEFAULT_OPTIMISER` (missing keys take those
    defaults) and optionally ``min_places`` (function or level -> minimum places of a
    new function) and ``variant``. The command line, the desktop app and stored
    scenarios all go through here.

    Returns
    -------
    tuple of (PlanningProblem, PlanOptions)
    """
    from capacityplanner.errors import InputError
    from capacityplanner.models.optimise import PlanOptions
    from capacityplanner.scenarios.plan_inputs import (
        PlanInputSettings,
        build_planning_problem,
        expand_levels,
    )

    settings = {**DEFAULT_OPTIMISER, **settings}
    levels = expand_levels(settings["levels"])
    if not levels:
        raise InputError("Choose at least one level to plan.")
    model = settings["model"]
    sites = settings.get("sites")
    if model == "p-median" and not sites:
        raise InputError("The p-median model needs the number of new sites (1 or more).")
    if model == "max-cover" and settings.get("budget") is None and sites is None:
        raise InputError("The max-cover model needs a budget or a maximum number of new sites.")
    max_distance = settings.get("max_distance") or {}
    if isinstance(max_distance, int | float):
        max_distance = {level: float(max_distance) for level in levels}
    problem = build_planning_problem(
        workspace,
        PlanInputSettings(
            levels=levels,
            year=int(settings["year"]),
            max_distance=dict(max_distance),
            distance=settings.get("distance", "network"),
            variant=settings.get("variant"),
        ),
    )
    extra = {}
    if settings.get("min_places") is not None:
        extra["min_new_places"] = settings["min_places"]
    options = PlanOptions(
        model=model,
        levels=levels,
        budget=settings.get("budget"),
        max_new_sites=sites if model != "p-median" else None,
        p=sites if model == "p-median" else None,
        brede_saving=float(settings.get("brede_saving", 0.25)),
        rule_brede_standard=bool(settings.get("brede_standard")),
        rule_basis_with_bso=bool(settings.get("basis_with_bso")),
        allow_unmet=bool(settings.get("allow_unmet", True)),
        places_within_shortfall=bool(settings.get("places_within_shortfall", True)),
        min_expansion_places=float(settings.get("min_expansion") or 0.0),
        time_limit=settings.get("time_limit"),
        **extra,
    )
    return problem, options


def solve_settings(
    workspace: Workspace,
    settings: dict[str, Any],
    progress: Callable[[float | None, str], None] | None = None,
    cancel=None,
):
    """Build and solve the plan ``settings`` describe; return the PlanResult."""
    from capacityplanner.models.optimise import solve_plan

    problem, options = plan_problem(workspace, settings)
    return solve_plan(problem, options, progress=progress, cancel=cancel)


def plan_tables(result) -> dict[str, pd.DataFrame]:
    """A plan as the result tables a scenario stores."""
    from capacityplanner.models.optimise import summary_en, summary_nl

    summary = pd.DataFrame(
        {
            "status": [result.status],
            "proven_optimal": [bool(result.proven_optimal)],
            "mip_gap": [result.mip_gap],
            "solve_seconds": [result.solve_seconds],
            "investment_eur": [result.costs.investment],
            "summary_nl": [summary_nl(result)],
            "summary_en": [summary_en(result)],
        }
    )
    return {
        "plan_sites": result.sites,
        "plan_allocation": result.allocation,
        "plan_travel": result.travel,
        "plan_unmet": result.unmet,
        "plan_summary": summary,
    }


def plan_results(
    workspace: Workspace,
    settings: dict[str, Any],
    progress: Callable[[float | None, str], None] | None = None,
    cancel=None,
) -> dict[str, pd.DataFrame]:
    """Solve the planning model the settings describe; results as tables."""
    return plan_tables(solve_settings(workspace, settings, progress, cancel))
