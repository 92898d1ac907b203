"""Assemble a :class:`~capacityplanner.models.optimise.PlanningProblem` from a workspace.

* Demand points: one population-weighted point per statistical sector
  (:func:`~capacityplanner.geodata.network.sector_demand_points`), carrying
  the residents' demand of the target school year; plus the entry points
  where pupils from outside Ghent arrive, carrying the level's inflow
  (``inflow_share``) split by the entry points' shares.
* Existing sites: the school, childcare and youth layers with their capacity
  as of the target year (expansions that opened by then included).
* Candidate sites: the ``kandidaatsites`` layer.
* Distances per level along the streets (walking for kinderopvang, kleuter,
  lager and bso; cycling for secundair and jeugd) within the level's maximum
  distance, cached on disk; or straight line x detour factor. Pupils from
  outside Ghent travel from their entry point by train, bus or car: straight
  line x detour within :data:`ENTRY_LIMIT_M`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from capacityplanner.errors import InputError
from capacityplanner.geodata.distance_cache import (
    cached_distance_matrix,
    default_cache_dir,
    distance_key_parts,
)
from capacityplanner.geodata.network import (
    StreetNetwork,
    default_entry_points,
    euclidean_matrix,
    sector_demand_points,
)
from capacityplanner.models.levels import BASE_LEVELS
from capacityplanner.models.optimise import PlanningProblem
from capacityplanner.scenarios.workspace import Workspace

#: Travel mode and default maximum distance (metres) per level.
LEVEL_TRAVEL: dict[str, tuple[str, float]] = {
    "kinderopvang": ("walk", 1500.0),
    "kleuter": ("walk", 1500.0),
    "lager": ("walk", 1500.0),
    "bso": ("walk", 1500.0),
    "secundair": ("bike", 5000.0),
    "jeugd": ("bike", 3000.0),
}
#: Site layer of each level, and the field of its capacity there.
#: Metres (straight line x detour) from an entry point within which pupils from outside
#: Ghent, arriving by train, bus or car, can reach a site.
ENTRY_LIMIT_M = 15000.0
LEVEL_LAYER = {
    "kinderopvang": "kinderopvang",
    "kleuter": "scholen_basis",
    "lager": "scholen_basis",
    "bso": "scholen_basis",
    "secundair": "scholen_secundair",
    "jeugd": "jeugdinfrastructuur",
}


@dataclass
class PlanInputSettings:
    """How to build the planning problem.

    Parameters
    ----------
    levels : sequence of str
        Base levels to plan (``basis`` stands for kleuter and lager).
    year : int
        Target school year.
    max_distance : dict, optional
        Metres per level; defaults from :data:`LEVEL_TRAVEL`.
    distance : {"network", "straight"}
        Street distances, or straight line times ``detour_factor``.
    deprivation_alpha : float
        Demand weight ``1 + alpha * deprivation_index`` of the point's sector.
    """

    levels: tuple[str, ...] = ("secundair",)
    year: int = 2024
    max_distance: dict[str, float] = field(default_factory=dict)
    distance: str = "network"
    deprivation_alpha: float = 1.0
    variant: str | None = None


def expand_levels(levels) -> tuple[str, ...]:
    """Base levels of the requested levels, in canonical order (``basis`` -> kleuter, lager)."""
    wanted: set[str] = set()
    for level in levels:
        if level == "basis":
            wanted.update(("kleuter", "lager"))
        elif level in BASE_LEVELS:
            wanted.add(level)
        else:
            raise InputError(
                f"Level {level!r} cannot be planned; choose from basis, {', '.join(BASE_LEVELS)}."
            )
    return tuple(level for level in BASE_LEVELS if level in wanted)


def demand_points(workspace: Workspace, settings: PlanInputSettings) -> pd.DataFrame:
    """Sector points and entry points with the demand of each planned level."""
    levels = expand_levels(settings.levels)
    forecast = workspace.forecast("sector")
    t = forecast.year_index(settings.year)
    resident = forecast.resident_demand(settings.variant)[:, :, t - 1]
    sectors = workspace.layers["sectoren"]
    points = sector_demand_points(sectors, workspace.layers.get("wegen"))
    points = points.set_index("sector_code").loc[forecast.area_ids].reset_index()
    names = workspace.wijk_names()
    table = pd.DataFrame(
        {
            "point_id": points["sector_code"].to_numpy(),
            "x": points.geometry.x.to_numpy(),
            "y": points.geometry.y.to_numpy(),
            "wijknr": forecast.area_wijknr.astype(int),
            "wijk": [names.get(int(w), "") for w in forecast.area_wijknr],
            "deprivation_index": points["deprivation_index"].to_numpy(dtype=float)
            if "deprivation_index" in points.columns
            else 0.0,
        }
    )
    for level in levels:
        table[level] = resident[:, BASE_LEVELS.index(level)]
    entries = default_entry_points()
    inflow = pd.DataFrame(
        {
            "point_id": "entry: " + entries["name"],
            "x": entries["x"],
            "y": entries["y"],
            "wijknr": 0,
            "wijk": "buiten Gent",
            "deprivation_index": 0.0,
        }
    )
    any_inflow = False
    for level in levels:
        share = workspace.params.inflow_share.get(level, 0.0)
        total = table[level].sum() * share / (1.0 - share)
        inflow[level] = entries["share"].to_numpy() * total
        any_inflow = any_inflow or total > 0
    if any_inflow:
        table = pd.concat([table, inflow], ignore_index=True)
    return table


def existing_sites(workspace: Workspace, levels: tuple[str, ...], year: int) -> pd.DataFrame:
    """Existing sites offering a planned level, with capacity as of ``year``."""
    records = workspace.capacity_records()
    records = records[(records["school_year"] <= year) & records["level"].isin(levels)]
    capacity = records.pivot_table(index="site_id", columns="level", values="places", aggfunc="sum")
    frames = []
    for layer_name in dict.fromkeys(LEVEL_LAYER[level] for level in levels):
        layer = workspace.layers.get(layer_name)
        if layer is None or len(layer) == 0:
            continue
        layer = layer[layer["site_id"].isin(capacity.index)]
        frame = pd.DataFrame(
            {
                "site_id": layer["site_id"].to_numpy(),
                "name": layer["name"].to_numpy()
                if "name" in layer
                else layer["site_id"].to_numpy(),
                "x": layer.geometry.x.to_numpy(),
                "y": layer.geometry.y.to_numpy(),
                "wijknr": layer["wijknr"].to_numpy(dtype=int),
                "cost_per_place": layer["cost_per_place"].to_numpy(dtype=float)
                if "cost_per_place" in layer
                else 0.0,
                "max_extra_places": layer["max_extra_places"].to_numpy(dtype=float)
                if "max_extra_places" in layer
                else 0.0,
                "layer": layer_name,
            }
        )
        for level in levels:
            values = capacity.reindex(frame["site_id"])[level] if level in capacity else None
            frame[f"capacity_{level}"] = 0.0 if values is None else values.fillna(0.0).to_numpy()
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["site_id", "x", "y", "wijknr"])
    return pd.concat(frames, ignore_index=True)


def candidate_sites(workspace: Workspace) -> pd.DataFrame:
    """The candidate layer as a table."""
    layer = workspace.layers.get("kandidaatsites")
    if layer is None or len(layer) == 0:
        return pd.DataFrame(columns=["site_id", "x", "y", "wijknr"])
    frame = pd.DataFrame(layer.drop(columns=layer.geometry.name))
    frame["x"] = layer.geometry.x.to_numpy()
    frame["y"] = layer.geometry.y.to_numpy()
    return frame


def distance_matrices(
    workspace: Workspace,
    points: pd.DataFrame,
    sites_xy: np.ndarray,
    levels: tuple[str, ...],
    settings: PlanInputSettings,
) -> tuple[dict[str, sp.csr_matrix], dict[str, float]]:
    """Sparse distance matrix (metres) per level within its maximum distance."""
    is_entry = points["wijknr"].to_numpy() == 0
    origins = points.loc[~is_entry, ["x", "y"]].to_numpy(dtype=float)
    entries = points.loc[is_entry, ["x", "y"]].to_numpy(dtype=float)
    matrices: dict[str, sp.csr_matrix] = {}
    limits: dict[str, float] = {}
    networks: dict[str, StreetNetwork] = {}
    for level in levels:
        mode, default_limit = LEVEL_TRAVEL[level]
        limit = float(settings.max_distance.get(level, default_limit))
        if limit <= 0:
            raise InputError(f"The maximum distance for {level} must be positive; got {limit}.")
        limits[level] = limit
        # Pupils from outside Ghent reach the city by train, bus or car: from their entry
        # point, straight line x detour within ENTRY_LIMIT_M, whatever the level's mode.
        from_entries = euclidean_matrix(
            entries, sites_xy, workspace.params.detour_factor, limit_m=max(limit, ENTRY_LIMIT_M)
        )
        if settings.distance == "straight":
            residents = euclidean_matrix(
                origins, sites_xy, workspace.params.detour_factor, limit_m=limit
            )
            matrices[level] = sp.vstack([residents, from_entries], format="csr")
            continue
        if settings.distance != "network":
            raise InputError(f"Distance {settings.distance!r} is not 'network' or 'straight'.")
        if mode not in networks:
            networks[mode] = StreetNetwork.from_wegen(workspace.layers["wegen"], mode=mode)
        network = networks[mode]
        key = distance_key_parts(network, origins, sites_xy, limit_m=limit)
        residents = cached_distance_matrix(
            default_cache_dir(),
            key,
            lambda network=network, limit=limit: network.distance_matrix(
                origins, sites_xy, limit_m=limit
            ),
        )
        matrices[level] = sp.vstack([residents, from_entries], format="csr")
    return matrices, limits


def build_planning_problem(workspace: Workspace, settings: PlanInputSettings) -> PlanningProblem:
    """The planning problem for the workspace's data, forecast and settings."""
    workspace.check_year(settings.year)
    levels = expand_levels(settings.levels)
    points = demand_points(workspace, settings)
    existing = existing_sites(workspace, levels, settings.year)
    candidates = candidate_sites(workspace)
    sites_xy = np.vstack(
        [existing[["x", "y"]].to_numpy(dtype=float), candidates[["x", "y"]].to_numpy(dtype=float)]
    )
    matrices, limits = distance_matrices(workspace, points, sites_xy, levels, settings)
    return PlanningProblem.from_frames(
        points,
        existing,
        candidates,
        matrices,
        levels=levels,
        year=settings.year,
        alpha=settings.deprivation_alpha,
        max_distance=limits,
    )
