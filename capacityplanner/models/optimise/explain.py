"""Why a planning problem has no plan, in words a planner can act on.

Checked in order, cheapest first:

1. demand that cannot reach any site offering its level within the
   distance (names the wijken and points), or only candidate sites too
   small for the minimum size of a new site (``too_small``);
2. rules or statuses that contradict each other (forced-open candidates
   beyond the site limit, a brede rule no candidate can meet);
3. total capacity (existing + all expansions + every candidate at full
   size) below total demand, per level: short by how much;
4. local capacity: even with every candidate open at full size, some
   demand cannot be placed within the distance (a linear program; names
   the wijken);
5. otherwise the budget or the site limit binds: the cheapest plan that
   serves everyone, and the fewest new sites that do.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from .formulation import build_formulation, serving_sites
from .problem import FUNCTION_OF_LEVEL, PlanningProblem, PlanOptions
from .result import Explanation
from .solver import CancelToken, solve_program
from .summary import fmt_eur as _eur
from .summary import fmt_number as _fmt

#: Seconds allowed for each extra solve made to explain infeasibility.
EXPLAIN_TIME_LIMIT = 30.0


def _wijk_label(wijknr: int, names: dict[int, str], lang: str) -> str:
    if wijknr == 0:
        return "instroom van buiten Gent" if lang == "nl" else "inflow from outside Ghent"
    if wijknr in names:
        return names[wijknr]
    return f"wijk {wijknr}"


def _names(problem: PlanningProblem) -> dict[int, str]:
    pts = problem.points
    if "wijk" not in pts.columns:
        return {}
    named = pts[["wijknr", "wijk"]].dropna().drop_duplicates("wijknr")
    return {int(k): str(v) for k, v in zip(named["wijknr"], named["wijk"], strict=True)}


def _by_wijk(problem, point_idx: np.ndarray, children: np.ndarray, lang: str) -> str:
    names = _names(problem)
    frame = pd.DataFrame(
        {"wijknr": problem.points["wijknr"].to_numpy()[point_idx], "children": children}
    )
    grouped = frame.groupby("wijknr")["children"].sum().sort_values(ascending=False)
    parts = [f"{_wijk_label(int(w), names, lang)} ({_fmt(c, lang)})" for w, c in grouped.items()]
    return ", ".join(parts[:8]) + (" ..." if len(parts) > 8 else "")


def _reached(problem: PlanningProblem, level: str, serve: np.ndarray) -> np.ndarray:
    """Boolean per point: is one of the sites ``serve`` within the level's distance?"""
    mat = problem.distances[level].tocsr()
    rows = np.repeat(np.arange(problem.n_points), np.diff(mat.indptr))
    out = np.zeros(problem.n_points, dtype=bool)
    out[rows[serve[mat.indices]]] = True
    return out


def explain_infeasible(
    problem: PlanningProblem,
    options: PlanOptions,
    levels: tuple[str, ...],
    *,
    cancel: CancelToken | None = None,
) -> Explanation:
    """Explain why no plan meets ``options`` on ``problem``.

    Returns
    -------
    Explanation
        ``reasons`` (machine-readable) and ``text_en`` / ``text_nl``.
    """
    reasons: list[dict] = []
    en: list[str] = []
    nl: list[str] = []
    pts = problem.points
    cand_status = problem.candidates["status"].to_numpy(str)
    n_forced = int((cand_status == "forced_open").sum())

    # 1. unreachable demand
    for lv in levels:
        d = problem.demand[lv]
        viable = _reached(problem, lv, serving_sites(problem, lv, options, levels))
        anything = _reached(problem, lv, serving_sites(problem, lv))
        lost = np.flatnonzero((d > 0) & ~anything)
        if lost.size:
            ids = pts["point_id"].astype(str).to_numpy()[lost]
            total = float(d[lost].sum())
            reasons.append(
                {"kind": "unreachable", "level": lv, "children": total, "points": list(ids)}
            )
            some = ", ".join(ids[:6]) + (" ..." if ids.size > 6 else "")
            en.append(
                f"{_fmt(total, 'en')} {lv} children cannot reach any site offering {lv} within "
                f"the maximum distance: {_by_wijk(problem, lost, d[lost], 'en')} "
                f"(points {some})."
            )
            nl.append(
                f"{_fmt(total, 'nl')} kinderen ({lv}) kunnen binnen de maximale afstand geen "
                f"enkele site met {lv} bereiken: {_by_wijk(problem, lost, d[lost], 'nl')} "
                f"(punten {some})."
            )
        small = np.flatnonzero((d > 0) & anything & ~viable)
        if small.size:
            f = FUNCTION_OF_LEVEL[lv]
            minimum = max(options.function_minimum(f, levels), options.level_minimum(lv))
            total = float(d[small].sum())
            reasons.append(
                {"kind": "too_small", "level": lv, "children": total, "minimum": minimum,
                 "points": list(pts["point_id"].astype(str).to_numpy()[small])}
            )  # fmt: skip
            en.append(
                f"{_fmt(total, 'en')} {lv} children can only reach candidate sites too small for "
                f"the minimum size of a new {f} function ({_fmt(minimum, 'en')} places): "
                f"{_by_wijk(problem, small, d[small], 'en')}. Lower the minimum or allow "
                "unmet demand."
            )
            nl.append(
                f"{_fmt(total, 'nl')} kinderen ({lv}) kunnen alleen kandidaat-sites bereiken die "
                f"te klein zijn voor de minimale omvang van een nieuwe {f}-functie "
                f"({_fmt(minimum, 'nl')} plaatsen): {_by_wijk(problem, small, d[small], 'nl')}. "
                "Verlaag het minimum of laat onbediende vraag toe."
            )

    # 2. contradictory limits
    limit = options.max_new_sites
    if options.model == "p-median":
        limit = options.p if limit is None else min(limit, options.p)
    if limit is not None and n_forced > limit:
        reasons.append({"kind": "forced", "forced": n_forced, "limit": limit})
        en.append(
            f"{n_forced} candidate sites are forced open, but at most {limit} new sites are allowed."
        )
        nl.append(
            f"{n_forced} kandidaat-sites moeten verplicht open, maar er mogen hoogstens "
            f"{limit} nieuwe sites bij komen."
        )
    if reasons:
        return Explanation(reasons, " ".join(en), " ".join(nl))

    # 3. total capacity
    ex = problem.existing
    may_expand = ex["status"].isin(["expandable", "forced_open"]).to_numpy()
    for lv in levels:
        cap = ex[f"capacity_{lv}"].to_numpy(float)
        extra = np.where(may_expand & (cap > 0), ex["max_extra_places"].to_numpy(float), 0.0)
        serve = serving_sites(problem, lv, options, levels)[problem.n_existing :]
        new = problem.candidates[f"max_{lv}"].to_numpy(float)[serve].sum()
        most = float(cap.sum() + extra.sum() + new)
        demand = float(problem.demand[lv].sum())
        if demand > most + 1e-6:
            short = demand - most
            reasons.append(
                {
                    "kind": "capacity",
                    "level": lv,
                    "demand": demand,
                    "capacity": most,
                    "short": short,
                }
            )
            en.append(
                f"Total {lv} capacity is too small: {_fmt(demand, 'en')} children, at most "
                f"{_fmt(most, 'en')} places even with every expansion and every candidate site "
                f"at full size; {_fmt(short, 'en')} places short."
            )
            nl.append(
                f"De totale capaciteit voor {lv} is te klein: {_fmt(demand, 'nl')} kinderen, "
                f"hoogstens {_fmt(most, 'nl')} plaatsen zelfs met alle uitbreidingen en alle "
                f"kandidaat-sites op volle grootte; {_fmt(short, 'nl')} plaatsen tekort."
            )
    if reasons:
        return Explanation(reasons, " ".join(en), " ".join(nl))

    # 4. local capacity: LP, everything may open, no budget or site limit
    relaxed_opts = replace(options, allow_unmet=True, model="max-cover")
    form = build_formulation(problem, relaxed_opts, levels, relax_limits=True)
    program = form.program(form.objectives["unmet_children"])
    program.integrality = np.zeros_like(program.integrality)
    outcome = solve_program(program, time_limit=EXPLAIN_TIME_LIMIT, cancel=cancel)
    if outcome.has_solution and outcome.objective > 1e-4:
        for lv in levels:
            blk = form.blocks[lv]
            uv = outcome.values[blk.u_cols]
            hit = uv > 1e-6
            if not hit.any():
                continue
            total = float(uv[hit].sum())
            reasons.append({"kind": "local_capacity", "level": lv, "children": total})
            rule = ""
            if options.rule_brede_standard or options.rule_basis_with_bso:
                rule = " given the brede-site rules"
            en.append(
                f"Even with every candidate site open at full size{rule}, {_fmt(total, 'en')} "
                f"{lv} children cannot get a place within the maximum distance: "
                f"{_by_wijk(problem, blk.u_point[hit], uv[hit], 'en')}."
            )
            nl.append(
                f"Zelfs met alle kandidaat-sites open op volle grootte"
                f"{' volgens de regels voor brede sites' if rule else ''} vinden "
                f"{_fmt(total, 'nl')} kinderen ({lv}) geen plaats binnen de maximale afstand: "
                f"{_by_wijk(problem, blk.u_point[hit], uv[hit], 'nl')}."
            )
        return Explanation(reasons, " ".join(en), " ".join(nl))

    # 5. budget and site limit
    from .planning import solve_plan  # local import: planning imports this module

    free = replace(options, model="cover-cost", budget=None, max_new_sites=None,
                   allow_unmet=False, time_limit=EXPLAIN_TIME_LIMIT)  # fmt: skip
    if options.model == "p-median":
        free = replace(free, p=None)
    if options.budget is not None:
        cheapest = solve_plan(problem, free, cancel=cancel, explain=False)
        if cheapest.has_plan:
            cost = cheapest.costs.investment
            if cost > options.budget:
                reasons.append({"kind": "budget", "budget": options.budget, "needed": cost})
                en.append(
                    f"The budget of {_eur(options.budget, 'en')} is too small: the cheapest plan "
                    f"that serves every child costs {_eur(cost, 'en')}, "
                    f"{_eur(cost - options.budget, 'en')} more."
                )
                nl.append(
                    f"Het budget van {_eur(options.budget, 'nl')} is te klein: het goedkoopste "
                    f"plan dat elk kind een plaats geeft kost {_eur(cost, 'nl')}, "
                    f"{_eur(cost - options.budget, 'nl')} meer."
                )
    if limit is not None:
        fewest = solve_plan(problem, replace(free, model="min-sites"), cancel=cancel, explain=False)
        if fewest.has_plan:
            k = len(fewest.new_sites)
            if k > limit:
                reasons.append({"kind": "max_sites", "limit": limit, "needed": k})
                en.append(
                    f"At least {k} new sites are needed to serve every child; {limit} are allowed."
                )
                nl.append(
                    f"Er zijn minstens {k} nieuwe sites nodig om elk kind een plaats te geven; "
                    f"er mogen er {limit}."
                )
    if not reasons:
        reasons.append({"kind": "combination"})
        en.append(
            "No single limit is to blame: the budget, the site limit and the forced-open or "
            "closable statuses together leave no plan that serves every child. Relax one of them."
        )
        nl.append(
            "Geen enkele grens alleen is de oorzaak: budget, maximum aantal sites en de "
            "verplichte of sluitbare statussen laten samen geen plan toe dat elk kind bedient. "
            "Versoepel er een."
        )
    return Explanation(reasons, " ".join(en), " ".join(nl))
