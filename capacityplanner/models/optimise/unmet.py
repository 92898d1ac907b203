"""Why children stay without a place in a plan.

Every unserved child of a plan gets one reason, checked in this order:

``out_of_reach``
    No existing site and no candidate site offering the level lies within
    the level's maximum distance.
``no_viable_site``
    Sites are in reach, but none can take the child: the existing sites in
    reach are full and cannot grow (or are closed), the new sites in reach
    are full, and the candidate sites in reach are either too small for the
    minimum size of a new site or have too few unserved children around
    them to fill that minimum (``PlanOptions.min_new_places``).
``rules``
    Candidate sites in reach could take the child, but not under the city
    rules (e.g. a new basis school needs out-of-school care and the site has
    no room for it).
``limits``
    A place could be made (an expansion, a new site of viable size), but the
    budget, the limit on new sites or the fixed number of sites (p-median,
    max-cover) leaves it out.
``cost``
    A place could be made, but it costs more than the penalty the model
    counts for an unserved child (``PlanOptions.unmet_penalty``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .brede import rule_compatible, viable_candidates
from .formulation import OPEN_STATUSES_THAT_EXPAND, Formulation, serving_sites
from .problem import FUNCTION_OF_LEVEL

UNMET_REASONS = ("out_of_reach", "no_viable_site", "rules", "limits", "cost")

#: Children or places below this are solver noise.
EPS = 1e-3


def _limits_apply(form: Formulation) -> bool:
    opts = form.options
    return (
        opts.budget is not None
        or opts.max_new_sites is not None
        or opts.model in ("p-median", "max-cover")
    )


def unmet_by_reason(form: Formulation, values: np.ndarray) -> pd.DataFrame:
    """Unserved children per demand point, level and reason.

    Returns
    -------
    pandas.DataFrame
        ``point`` (row index of the demand point), ``level``, ``reason``
        (one of :data:`UNMET_REASONS`) and ``children``; only points with
        unserved children.
    """
    prob, opts, levels = form.problem, form.options, form.levels
    n_e, n_c = prob.n_existing, prob.n_candidates
    ex, cand = prob.existing, prob.candidates
    unmet = {}
    for lv in levels:
        blk = form.blocks[lv]
        u = np.zeros(prob.n_points)
        u[blk.u_point] = values[blk.u_cols]
        unmet[lv] = np.where(u > EPS, u, 0.0)
    if not any(u.any() for u in unmet.values()):
        return pd.DataFrame(columns=["point", "level", "reason", "children"])

    reach = {}
    for lv in levels:
        mat = prob.distances[lv].tocsr(copy=True)
        mat.data = np.ones_like(mat.data)
        reach[lv] = mat
    # unserved children in reach of each site, per function (levels of a function pooled)
    pool: dict[str, np.ndarray] = {}
    for lv in levels:
        f = FUNCTION_OF_LEVEL[lv]
        pool[f] = pool.get(f, np.zeros(prob.n_sites)) + reach[lv].T @ unmet[lv]

    status = ex["status"].to_numpy(str) if n_e else np.zeros(0, str)
    kept = np.ones(n_e, dtype=bool)
    kept[form.z_site] = np.round(values[form.z_cols]) > 0.5
    max_extra = ex["max_extra_places"].to_numpy(float) if n_e else np.zeros(0)
    extra_used = np.zeros(n_e)
    for lv in levels:
        blk = form.blocks[lv]
        np.add.at(extra_used, blk.e_site, values[blk.e_cols])
    can_grow = np.isin(status, OPEN_STATUSES_THAT_EXPAND) & kept & (extra_used < max_extra - EPS)

    parts = []
    for lv in levels:
        u = unmet[lv]
        points = np.flatnonzero(u)
        if points.size == 0:
            continue
        blk = form.blocks[lv]
        f = FUNCTION_OF_LEVEL[lv]
        used = np.bincount(blk.x_site, weights=values[blk.x_cols], minlength=prob.n_sites)
        # existing sites that could take one more child
        cap = ex[f"capacity_{lv}"].to_numpy(float) if n_e else np.zeros(0)
        extra = np.zeros(n_e)
        extra[blk.e_site] = values[blk.e_cols]
        room_e = kept & (cap > 0) & ((cap + extra - used[:n_e] > EPS) | can_grow)
        # candidate sites: room left on an opened site, or enough children to open one
        places = np.zeros(n_c)
        places[blk.p_cand] = values[blk.p_cols]
        opened = np.zeros(n_c, dtype=bool)
        if f in form.brede.y_cols:
            opened = values[form.brede.y_cols[f]] > 0.5
        max_l = cand[f"max_{lv}"].to_numpy(float) if n_c else np.zeros(0)
        viable = viable_candidates(prob, f, levels, opts) & (max_l > 0)
        minimum = max(form.minimum.get(f, 0.0), opts.level_minimum(lv), EPS)
        room_c = viable & np.where(opened, places < max_l - EPS, pool[f][n_e:] >= minimum - 1e-6)
        ruled = room_c & (opened | rule_compatible(prob, f, levels, opts))
        anything = serving_sites(prob, lv).astype(float)
        sub = reach[lv][points]
        in_reach = sub @ anything > 0
        has_remedy = sub @ np.concatenate([room_e, ruled]).astype(float) > 0
        but_rules = sub @ np.concatenate([room_e, room_c]).astype(float) > 0
        reason = np.select(
            [~in_reach, has_remedy, but_rules],
            ["out_of_reach", "limits" if _limits_apply(form) else "cost", "rules"],
            "no_viable_site",
        )
        parts.append(pd.DataFrame({"point": points, "level": lv, "reason": reason,
                                   "children": u[points]}))  # fmt: skip
    return pd.concat(parts, ignore_index=True)
