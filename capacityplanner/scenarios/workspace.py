"""The working state every face (GUI, command line, exports) computes from.

A :class:`Workspace` holds the loaded data set, the parameters and the user's
edits (replaced layers, capacity changes, housing projects), and answers
forecast and balance questions from them, caching the projection until
something it depends on changes. It is Qt-free; the GUI subscribes to
:attr:`Workspace.changed` callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from capacityplanner import __version__
from capacityplanner.errors import InputError
from capacityplanner.geodata.dataset import Dataset
from capacityplanner.models.accessibility import radius_balance
from capacityplanner.models.balance import balance_by_wijk, city_balance
from capacityplanner.models.capacity import CAPACITY_FIELDS, capacity_records
from capacityplanner.models.forecast import Forecast, project
from capacityplanner.models.forecast_inputs import build_inputs
from capacityplanner.models.levels import BASE_LEVELS
from capacityplanner.models.params import ForecastParams

SITE_LAYERS = tuple(CAPACITY_FIELDS)


@dataclass
class Workspace:
    """Data set + parameters + edits, with cached forecasts.

    Parameters
    ----------
    dataset : Dataset
        The loaded data set (shipped Ghent data or a project's).
    params : ForecastParams, optional
        Defaults when omitted.
    """

    dataset: Dataset
    params: ForecastParams = field(default_factory=ForecastParams)
    layers: dict[str, gpd.GeoDataFrame] = field(init=False)
    capacity_changes: pd.DataFrame = field(init=False)
    changed: list[Callable[[str], None]] = field(default_factory=list, repr=False)
    #: Name of the stored scenario the workspace was opened from, if any.
    scenario_name: str | None = None
    #: The latest plan as result tables (``plan_sites``, ...), and the optimiser
    #: settings that produced it; saved with the scenario.
    plan_results: dict[str, pd.DataFrame] = field(default_factory=dict)
    optimiser_settings: dict[str, Any] = field(default_factory=dict)
    _forecasts: dict[str, Forecast] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.params.validate()
        self.layers = dict(self.dataset.layers)
        self.capacity_changes = self.dataset.tables.get(
            "capaciteitswijzigingen", pd.DataFrame()
        ).copy()

    # ----------------------------------------------------------------- editing
    def set_params(self, params: ForecastParams) -> None:
        """Replace the parameters (validated first; nothing changes if invalid)."""
        params.validate()
        self.params = params
        self._notify("params")

    def set_layer(self, name: str, layer: gpd.GeoDataFrame) -> None:
        """Replace or add a layer (e.g. the city's real school layer)."""
        self.layers[name] = layer
        self._notify(name)

    def set_capacity_changes(self, changes: pd.DataFrame) -> None:
        """Replace the table of capacity changes."""
        self.capacity_changes = changes
        self._notify("capaciteitswijzigingen")

    def set_plan(self, tables: dict[str, pd.DataFrame], settings: dict[str, Any]) -> None:
        """Keep the latest plan and its settings (they are saved with the scenario)."""
        self.plan_results = dict(tables)
        self.optimiser_settings = dict(settings)
        for callback in list(self.changed):
            callback("plan")

    def _notify(self, what: str) -> None:
        self._forecasts.clear()
        for callback in list(self.changed):
            callback(what)

    # ----------------------------------------------------------------- lookups
    @property
    def wijken(self) -> gpd.GeoDataFrame:
        """The wijken layer."""
        return self.layers["wijken"]

    @property
    def wijknrs(self) -> np.ndarray:
        """Every wijk number, sorted."""
        return np.sort(self.wijken["wijknr"].to_numpy(dtype=int))

    def wijk_names(self) -> dict[int, str]:
        """Wijk number to name."""
        return dict(zip(self.wijken["wijknr"].astype(int), self.wijken["wijk"], strict=True))

    def resolve_wijk(self, name_or_number: str | int) -> int:
        """Wijk number from a number or a (case-insensitive, partial) name.

        Raises
        ------
        InputError
            When nothing or more than one wijk matches.
        """
        names = self.wijk_names()
        text = str(name_or_number).strip()
        if text.isdigit():
            number = int(text)
            if number in names:
                return number
            raise InputError(f"Wijk {number} does not exist; wijken are numbered 1-{max(names)}.")
        exact = [n for n, w in names.items() if w.lower() == text.lower()]
        if exact:
            return exact[0]
        partial = [n for n, w in names.items() if text.lower() in w.lower()]
        if len(partial) == 1:
            return partial[0]
        if not partial:
            raise InputError(f"No wijk is called {text!r}.")
        options = ", ".join(names[n] for n in partial)
        raise InputError(f"Wijk {text!r} is ambiguous: it matches {options}.")

    # -------------------------------------------------------------- computing
    def housing_projects(self) -> pd.DataFrame:
        """Housing projects (the woonprojecten layer) as a plain table."""
        layer = self.layers.get("woonprojecten")
        if layer is None or len(layer) == 0:
            return pd.DataFrame()
        return pd.DataFrame(layer.drop(columns=layer.geometry.name))

    def forecast(self, level: str = "sector") -> Forecast:
        """The projection at sector or wijk level (cached)."""
        if level not in self._forecasts:
            inputs = build_inputs(
                self.dataset.table("bevolking"),
                self.dataset.table("geboorten"),
                dict(zip(self.wijken["wijknr"].astype(int), self.wijken["stadsdeel"], strict=True)),
                self.params,
                self.housing_projects(),
                level=level,
            )
            self._forecasts[level] = project(inputs, self.params)
        return self._forecasts[level]

    def capacity_records(self) -> pd.DataFrame:
        """Capacity records of every site layer and capacity change."""
        return capacity_records(
            {name: self.layers[name] for name in SITE_LAYERS if name in self.layers},
            self.capacity_changes,
        )

    def check_year(self, school_year: int) -> None:
        """Raise InputError when ``school_year`` is outside the forecast."""
        first, last = self.params.base_year, self.params.end_year
        if not first <= school_year <= last:
            raise InputError(
                f"School year {school_year} is outside the forecast: choose {first}-{last} "
                f"(base year {self.params.base_year})."
            )

    def balance(
        self,
        school_year: int,
        capacity_as_of: int | None = None,
        variant: str | None = None,
    ) -> pd.DataFrame:
        """Balance per wijk and level for one school year, with wijk names."""
        self.check_year(school_year)
        table = balance_by_wijk(
            self.forecast("sector"),
            self.capacity_records(),
            school_year,
            self.wijknrs,
            capacity_as_of_year=capacity_as_of,
            variant=variant,
        )
        table.insert(1, "wijk", table["wijknr"].map(self.wijk_names()))
        return table

    def city_balance(
        self,
        school_year: int,
        capacity_as_of: int | None = None,
        variant: str | None = None,
    ) -> pd.DataFrame:
        """Citywide balance per level (total demand minus total capacity)."""
        return city_balance(self.balance(school_year, capacity_as_of, variant))

    def walking_balance(self, school_year: int, variant: str | None = None) -> pd.DataFrame:
        """Lager places and children within the walking radius of every sector."""
        self.check_year(school_year)
        forecast = self.forecast("sector")
        t = forecast.year_index(school_year)
        lager = forecast.resident_demand(variant)[:, BASE_LEVELS.index("lager"), t - 1]
        sectors = self.layers["sectoren"].set_index("sector_code").loc[forecast.area_ids]
        points = np.column_stack(
            [sectors.geometry.representative_point().x, sectors.geometry.representative_point().y]
        )
        records = self.capacity_records()
        open_sites = records[
            (records["level"] == "lager") & (records["school_year"] <= school_year)
        ]
        per_site = open_sites.groupby("site_id")["places"].sum()
        schools = self.layers["scholen_basis"].set_index("site_id")
        schools = schools.loc[schools.index.intersection(per_site.index)]
        result = radius_balance(
            points,
            lager,
            np.column_stack([schools.geometry.x, schools.geometry.y]),
            per_site.loc[schools.index].to_numpy(),
            self.params.walking_radius_m,
            self.params.detour_factor,
        )
        result.insert(0, "sector_code", forecast.area_ids)
        result.insert(1, "wijknr", forecast.area_wijknr)
        result["children"] = lager
        return result

    def is_illustrative(self, name: str) -> bool:
        """Whether layer ``name`` as used now is illustrative.

        A layer that carries an ``illustrative`` field says so itself (an imported real
        layer has none set); otherwise the data set's flag counts, as long as the layer
        is still the data set's own.
        """
        layer = self.layers.get(name)
        if layer is None:
            return False
        if "illustrative" in layer.columns:
            return bool(pd.to_numeric(layer["illustrative"], errors="coerce").fillna(0).any())
        return layer is self.dataset.layers.get(name) and self.dataset.is_illustrative(name)

    def provenance(self) -> dict[str, Any]:
        """What produced the numbers: tool and data version, parameters, sources."""
        info = self.dataset.info
        return {
            "scenario": self.scenario_name,
            "tool_version": __version__,
            "data_version": info.get("version", "unknown"),
            "data": str(self.dataset.path),
            "credit": info.get("credit", ""),
            "illustrative": sorted(n for n in self.layers if self.is_illustrative(n)),
            "params": self.params.to_dict(),
        }
