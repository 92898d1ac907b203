"""What a scenario is: layers, assumptions and results, with their provenance.

A :class:`Scenario` is plain data. It refers to the data set's layers by name
and content hash (``layer_refs``) and carries its own copies only of the layers
the user edited (``layers``: housing projects, candidate sites, school edits),
the assumptions (``params``, ``capacity_changes``) and the ``results`` computed
from them. Storage is in :mod:`capacityplanner.scenarios.storage`.
"""

from __future__ import annotations

import copy
import getpass
import json
import math
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from capacityplanner import __version__
from capacityplanner.errors import InputError

#: Longest scenario name.
MAX_NAME_LENGTH = 200


def now_utc() -> datetime:
    """The current time in UTC, to the microsecond."""
    return datetime.now(UTC)


def default_author() -> str:
    """Who is working: ``CAPACITYPLANNER_AUTHOR``, else the login name."""
    name = os.environ.get("CAPACITYPLANNER_AUTHOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user database entry
        return "unknown"


@dataclass
class Scenario:
    """One planning scenario.

    Attributes
    ----------
    name : str
        Unique name in its database.
    parent : str or None
        Name of the scenario it was branched from.
    author : str
        Who created it.
    created, modified : datetime
        When it was created and last saved (UTC).
    modified_by : str
        Who saved it last.
    tool_version : str
        Version of the program that saved it last.
    data_version : str
        Version of the data set it was built on (``dataset_info`` ``version``).
    layer_refs : dict of str to str
        Data-set layer name to the sha256 of its content when the scenario was made.
    layers : dict of str to GeoDataFrame
        Layers the scenario changes (edited copies, EPSG:31370), e.g.
        ``woonprojecten``, ``kandidaatsites``, ``scholen_basis``.
    params : dict
        Forecast and optimiser parameters; TOML-able (string keys, plain values).
    capacity_changes : DataFrame
        Capacity changes (``capaciteitswijzigingen`` fields).
    results : dict of str to DataFrame or GeoDataFrame
        ``balance``, ``forecast``, ``plan_sites``, ``plan_allocation``, ...
    notes : str
        Free text.
    version : int
        Saved version (0 = never saved); the repository checks it on save so that
        two people cannot overwrite each other's work.
    """

    name: str
    parent: str | None = None
    author: str = field(default_factory=default_author)
    created: datetime = field(default_factory=now_utc)
    modified: datetime = field(default_factory=now_utc)
    modified_by: str = ""
    tool_version: str = __version__
    data_version: str = ""
    layer_refs: dict[str, str] = field(default_factory=dict)
    layers: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    capacity_changes: pd.DataFrame = field(default_factory=pd.DataFrame)
    results: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: str = ""
    version: int = 0

    def branch(self, name: str, author: str | None = None) -> Scenario:
        """A copy named ``name`` whose parent is this scenario, not yet saved."""
        child = self.copy()
        now = now_utc()
        child.name = name
        child.parent = self.name
        child.author = author or default_author()
        child.created = now
        child.modified = now
        child.modified_by = ""
        child.version = 0
        return child

    def copy(self) -> Scenario:
        """A deep copy (tables included)."""
        return copy.deepcopy(self)

    def validate(self) -> None:
        """Raise :class:`InputError` if the scenario cannot be stored as it is."""
        check_name(self.name)
        for kind, tables in (("layer", self.layers), ("result", self.results)):
            for key, table in tables.items():
                if not isinstance(key, str) or not key:
                    raise InputError(
                        f"Scenario {self.name!r}: a {kind} needs a non-empty text name, not {key!r}."
                    )
                if not isinstance(table, pd.DataFrame):
                    raise InputError(
                        f"Scenario {self.name!r}: {kind} {key!r} is a {type(table).__name__}, "
                        "not a table."
                    )
        if not isinstance(self.capacity_changes, pd.DataFrame):
            raise InputError(f"Scenario {self.name!r}: capacity_changes must be a table.")
        for layer, digest in self.layer_refs.items():
            if not isinstance(digest, str):
                raise InputError(
                    f"Scenario {self.name!r}: layer reference {layer!r} must be a sha256 text."
                )
        check_params(self.params, f"Scenario {self.name!r} parameters")

    def summary(self) -> dict[str, Any]:
        """The scenario's provenance and contents as plain JSON-able data."""
        return {
            "name": self.name,
            "parent": self.parent,
            "author": self.author,
            "created": self.created.isoformat(),
            "modified": self.modified.isoformat(),
            "modified_by": self.modified_by,
            "tool_version": self.tool_version,
            "data_version": self.data_version,
            "version": self.version,
            "layer_refs": dict(self.layer_refs),
            "layers": {k: len(v) for k, v in self.layers.items()},
            "capacity_changes": len(self.capacity_changes),
            "results": {k: len(v) for k, v in self.results.items()},
            "params": self.params,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class ScenarioInfo:
    """A scenario's catalogue entry (no tables): what ``list`` shows."""

    name: str
    parent: str | None
    author: str
    created: datetime
    modified: datetime
    modified_by: str
    tool_version: str
    data_version: str
    version: int
    notes: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "parent": self.parent,
            "author": self.author,
            "created": self.created.isoformat(),
            "modified": self.modified.isoformat(),
            "modified_by": self.modified_by,
            "tool_version": self.tool_version,
            "data_version": self.data_version,
            "version": self.version,
            "notes": self.notes,
        }


class ScenarioConflict(InputError):
    """Someone else saved the scenario after it was loaded; nothing was overwritten.

    The caller still holds its edits and can save them under another name
    (:meth:`~capacityplanner.scenarios.storage.Repository.save_as_branch`).
    """

    def __init__(
        self,
        name: str,
        saved_by: str,
        saved_at: datetime | None,
        current_version: int,
        expected_version: int,
    ) -> None:
        when = saved_at.strftime("%Y-%m-%d %H:%M:%S UTC") if saved_at else "an unknown time"
        who = saved_by or "someone"
        if expected_version == 0:
            message = (
                f"A scenario named {name!r} already exists (saved by {who} at {when}); "
                "your scenario was not saved: choose another name or save it as a branch."
            )
        else:
            message = (
                f"Scenario {name!r} was saved by {who} at {when} (version {current_version}) "
                f"after you loaded version {expected_version}; nothing was overwritten and your "
                "edits are kept: save them as a branch or reload the scenario."
            )
        super().__init__(message)
        self.name = name
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.current_version = current_version
        self.expected_version = expected_version


def check_name(name: Any) -> None:
    """Raise :class:`InputError` unless ``name`` is a usable scenario name."""
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"A scenario name must be non-empty text, not {name!r}.")
    if name != name.strip():
        raise InputError(f"The scenario name {name!r} starts or ends with spaces.")
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(
            f"The scenario name {name[:40]!r}... is longer than {MAX_NAME_LENGTH} characters."
        )
    if any(ord(c) < 32 for c in name):
        raise InputError(f"The scenario name {name!r} contains control characters.")


def check_params(value: Any, where: str) -> None:
    """Raise :class:`InputError` unless ``value`` is TOML-able (string keys, plain values)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InputError(f"{where}: key {key!r} must be text (TOML keys are text).")
            check_params(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            check_params(item, f"{where}[{i}]")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{where} is {value}, which cannot be stored.")
    elif value is None or isinstance(value, bool | int | str):
        if value is None:
            raise InputError(f"{where} is empty (None); TOML has no empty value.")
    else:
        raise InputError(f"{where} is a {type(value).__name__}, which TOML cannot hold.")


def params_to_json(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, ensure_ascii=False)
