"""Roles a layer can fill, their fields, and the mapping of a file's columns to them.

A *role* is what the planner uses a layer for (``scholen_basis``,
``wijken`` ...); its fields follow docs/DATA.md. :func:`guess_mapping` picks
the file's column for each field by name, knowing the city's own datasets
(``locaties-basisscholen-gent`` with ``naam``, ``onderwijsnet``, ``adres``,
``instellingsnummer``; ``stadswijken-gent``, where ``naam`` is the stadsdeel
and ``wijk`` the district; the statistical sectors with ``nis9_code``) and
this program's own layers. A mapping given by the user wins over the guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from capacityplanner.geodata.problems import Problem, problem
from capacityplanner.geodata.roles import ROLES, SITE_ROLES, FieldSpec, RoleSpec

__all__ = [
    "ROLES",
    "SITE_ROLES",
    "FieldSpec",
    "RoleSpec",
    "guess_mapping",
    "guess_role",
    "normalize",
    "resolve_mapping",
]


def normalize(name: object) -> str:
    """Column name in a comparable form: lower case, no accents, ``_`` between words."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def guess_mapping(role: str, columns: Iterable[str]) -> dict[str, str]:
    """Guess which column holds each field of ``role``.

    Fields are taken in the role's order, each picking the best column not
    yet taken: first an exact (normalised) name from the field's list, then
    its pattern. So in ``stadswijken-gent`` the district name takes ``wijk``
    and the stadsdeel takes what is left, ``naam``.

    Parameters
    ----------
    role : str
        A key of :data:`ROLES`.
    columns : iterable of str
        The file's column names.

    Returns
    -------
    dict
        Field -> column, for the fields a column was found for.
    """
    spec = ROLES[role]
    cols = [c for c in columns if str(c) != "geometry"]
    norm = {c: normalize(c) for c in cols}
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for fs in spec.fields:
        choice = None
        for candidate in fs.names:
            choice = next((c for c in cols if c not in taken and norm[c] == candidate), None)
            if choice is not None:
                break
        if choice is None and fs.pattern:
            rx = re.compile(fs.pattern)
            choice = next((c for c in cols if c not in taken and rx.search(norm[c])), None)
        if choice is not None:
            mapping[fs.name] = choice
            taken.add(choice)
    return mapping


def resolve_mapping(
    role: str,
    columns: Iterable[str],
    user: Mapping[str, str] | None,
    *,
    file: str,
    layer: str | None,
    ignore: Iterable[str] = (),
) -> tuple[dict[str, str], list[Problem]]:
    """Combine the guess with the user's mapping and check it.

    Parameters
    ----------
    role : str
        A key of :data:`ROLES`.
    columns : iterable of str
        The file's columns.
    user : dict, optional
        Field -> column given by the user; wins over the guess.
    file, layer
        For messages.
    ignore : iterable of str
        Keys of ``user`` handled elsewhere (coordinate columns).

    Returns
    -------
    mapping : dict
        Field -> column.
    problems : list of Problem
        Unknown fields or columns in ``user``, and required fields without a column.
    """
    spec = ROLES[role]
    cols = list(columns)
    problems: list[Problem] = []
    user = {k: v for k, v in (user or {}).items() if k not in set(ignore)}
    for fieldname, column in user.items():
        if fieldname not in spec.field_names:
            problems.append(
                problem(
                    file,
                    f"the mapping names field '{fieldname}', which {role} does not have "
                    f"(fields: {', '.join(spec.field_names)})",
                    layer=layer,
                )
            )
        if column not in cols:
            problems.append(
                problem(
                    file,
                    f"the mapping names column '{column}', which is not in the file "
                    f"(columns: {', '.join(map(str, cols))})",
                    layer=layer,
                )
            )
    user_ok = {k: v for k, v in user.items() if k in spec.field_names and v in cols}
    rest = [c for c in cols if c not in set(user_ok.values())]
    guessed = guess_mapping(role, rest)
    mapping = {f: c for f, c in guessed.items() if f not in user_ok}
    mapping.update(user_ok)
    mapping = {f: mapping[f] for f in spec.field_names if f in mapping}
    for fs in spec.fields:
        if fs.required and fs.name not in mapping:
            what = f"has no field for the {fs.label} ('{fs.name}')"
            if fs.kind == "count" and role in ("scholen_basis", "scholen_secundair"):
                what += (
                    "; a school layer without capacities needs a capacity table joined by "
                    "instellingsnummer, or a column mapped to it"
                )
            else:
                what += f"; map one of the columns to it (columns: {', '.join(map(str, cols))})"
            problems.append(problem(file, what, layer=layer, field=fs.name))
    return mapping, problems


_ROLE_WORDS = (
    (
        "scholen_basis",
        ("basisschol", "basisonderwijs", "scholen_basis", "lagere_school", "kleuterschol"),
    ),
    ("scholen_secundair", ("secundair", "scholen_secundair", "middelbare")),
    ("kinderopvang", ("kinderopvang", "opvang", "kinderdagverblijf", "creche")),
    ("jeugdinfrastructuur", ("jeugd",)),
    ("kandidaatsites", ("kandidaat", "candidate")),
    ("woonprojecten", ("woonproject", "woningbouw", "housing")),
    ("bevolking", ("bevolking", "population", "statbel", "pop_")),
    ("sectoren", ("sector", "statsec")),
    ("wijken", ("wijk", "ggw7", "district")),
)


def guess_role(file_name: str, layer: str | None, columns: Iterable[str]) -> str | None:
    """Guess the role of a file from its layer name, file name and columns.

    Returns
    -------
    str or None
        A key of :data:`ROLES`, or None when nothing fits.
    """
    for text in (layer or "", file_name):
        n = normalize(text)
        if n in ROLES:
            return n
        for role, words in _ROLE_WORDS:
            if any(w in n for w in words):
                return role
    norm = {normalize(c) for c in columns}
    if {"capacity_kleuter", "capacity_lager"} & norm:
        return "scholen_basis"
    if "capacity_secundair" in norm:
        return "scholen_secundair"
    if {"cd_sector", "ms_population"} <= norm or ({"cd_age", "ms_population"} <= norm):
        return "bevolking"
    if "nis9_code" in norm or "sector_code" in norm:
        return "sectoren"
    if "wijknr" in norm and "wijk" in norm:
        return "wijken"
    return None
