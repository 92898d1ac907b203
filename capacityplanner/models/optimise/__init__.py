"""Location-allocation planning for Ghent: where to build, expand or close.

Public API::

    problem = PlanningProblem.from_frames(demand, existing, candidates, distances)
    result = solve_plan(problem, PlanOptions(model="cover-cost", budget=30e6),
                        progress=callback, cancel=threading.Event())
    print(summary_nl(result))

Models: ``cover-cost``, ``p-median``, ``max-cover``, ``min-sites`` (see
:mod:`.planning`); brede sites and the city rules in :mod:`.brede`.
"""

from ._quiet import absorb_banner
from .planning import solve_plan
from .problem import MODELS, PlanningProblem, PlanOptions
from .result import Explanation, PlanCosts, PlanResult
from .solver import LinearProgram, SolveOutcome, solve_program
from .summary import summary_en, summary_nl

__all__ = [
    "MODELS",
    "Explanation",
    "LinearProgram",
    "PlanCosts",
    "PlanOptions",
    "PlanResult",
    "PlanningProblem",
    "SolveOutcome",
    "solve_plan",
    "solve_program",
    "summary_en",
    "summary_nl",
]

# HiGHS prints a banner on stdout at the first Highs() of a process: take it here.
absorb_banner()
