"""Small forms for the edits: a housing project, a candidate site, a capacity change, parameters.

Each form is a :class:`QDialog` with a ``values()`` method; the edit
controller (:mod:`capacityplanner.gui.editing`) turns the values into an
undoable change of the workspace.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.models.capacity import CAPACITY_FIELDS
from capacityplanner.models.params import VARIANTS, ForecastParams

__all__ = [
    "CandidateSiteForm",
    "CapacityChangeForm",
    "HousingProjectForm",
    "ParametersDialog",
]

DWELLING_TYPES = ("appartement", "eengezinswoning", "sociale woning")
CANDIDATE_LEVELS = ("kleuter", "lager", "secundair", "kinderopvang", "bso", "jeugd")


class _Form(QDialog):
    """A form layout with OK / Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    @staticmethod
    def spin(low: int, high: int, value: int, step: int = 1, suffix: str = "") -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setValue(value)
        box.setSingleStep(step)
        box.setSuffix(suffix)
        return box


class HousingProjectForm(_Form):
    """Name, dwellings, dwelling type and completion years of a new housing project."""

    def __init__(self, where: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New housing project"))
        self.name = QLineEdit(self.tr("New housing project"))
        self.dwellings = self.spin(1, 20000, 100, 10)
        self.dwelling_type = QComboBox()
        for t in DWELLING_TYPES:
            self.dwelling_type.addItem(t, t)
        self.first_year = self.spin(2024, 2050, 2026)
        self.last_year = self.spin(2024, 2050, 2028)
        if where:
            self.form.addRow(self.tr("Location"), QLineEdit(where, readOnly=True))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Dwellings"), self.dwellings)
        self.form.addRow(self.tr("Dwelling type"), self.dwelling_type)
        self.form.addRow(self.tr("First year of completion"), self.first_year)
        self.form.addRow(self.tr("Last year of completion"), self.last_year)

    def values(self) -> dict:
        """Name, dwellings, dwelling_type, first_year, last_year."""
        return {
            "name": self.name.text().strip() or self.tr("New housing project"),
            "dwellings": int(self.dwellings.value()),
            "dwelling_type": self.dwelling_type.currentData(),
            "first_year": int(self.first_year.value()),
            "last_year": int(self.last_year.value()),
        }


class CandidateSiteForm(_Form):
    """Name, places per level and costs of a new candidate site."""

    def __init__(self, where: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New candidate site"))
        self.name = QLineEdit(self.tr("New candidate site"))
        if where:
            self.form.addRow(self.tr("Location"), QLineEdit(where, readOnly=True))
        self.form.addRow(self.tr("Name"), self.name)
        defaults = {"kleuter": 150, "lager": 300, "secundair": 600, "kinderopvang": 56}
        defaults |= {"bso": 100, "jeugd": 100}
        self.max_places: dict[str, QSpinBox] = {}
        for level in CANDIDATE_LEVELS:
            box = self.spin(0, 5000, defaults[level], 10)
            self.max_places[level] = box
            self.form.addRow(self.tr("Most places: %1").replace("%1", level), box)
        self.fixed_cost = QDoubleSpinBox()
        self.fixed_cost.setRange(0.0, 500.0)
        self.fixed_cost.setDecimals(2)
        self.fixed_cost.setValue(2.5)
        self.fixed_cost.setSuffix(" M EUR")
        self.cost_per_place = self.spin(0, 200000, 20000, 1000, " EUR")
        self.form.addRow(self.tr("Fixed cost per function"), self.fixed_cost)
        self.form.addRow(self.tr("Cost per place"), self.cost_per_place)

    def values(self) -> dict:
        """Name, ``max_<level>``, fixed_cost (EUR) and cost_per_place (EUR)."""
        out = {"name": self.name.text().strip() or self.tr("New candidate site")}
        out |= {f"max_{lv}": int(box.value()) for lv, box in self.max_places.items()}
        out["fixed_cost"] = float(self.fixed_cost.value()) * 1e6
        out["cost_per_place"] = float(self.cost_per_place.value())
        return out


class CapacityChangeForm(_Form):
    """Site, level, places and school year of a capacity change.

    Parameters
    ----------
    sites : list of (site_id, layer, label)
        Sites to choose from.
    current : str, optional
        Site id selected at the start.
    """

    def __init__(
        self,
        sites: list[tuple[str, str, str]],
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change capacity"))
        self.site = QComboBox()
        for site_id, layer, label in sites:
            self.site.addItem(label, (site_id, layer))
        self.level = QComboBox()
        self.places = self.spin(-5000, 5000, 200, 10)
        self.school_year = self.spin(2018, 2050, 2026)
        self.project = QLineEdit(self.tr("Capacity change"))
        self.site.currentIndexChanged.connect(self._levels)
        self.form.addRow(self.tr("Site"), self.site)
        self.form.addRow(self.tr("Level"), self.level)
        self.form.addRow(self.tr("Places added (negative: removed)"), self.places)
        self.form.addRow(self.tr("From school year"), self.school_year)
        self.form.addRow(self.tr("Project"), self.project)
        if current is not None:
            for i in range(self.site.count()):
                if self.site.itemData(i)[0] == current:
                    self.site.setCurrentIndex(i)
        self._levels()

    def _levels(self) -> None:
        data = self.site.currentData()
        levels = list(CAPACITY_FIELDS.get(data[1], {})) if data else []
        previous = self.level.currentData()
        self.level.clear()
        for level in levels:
            self.level.addItem(level, level)
        if previous in levels:
            self.level.setCurrentIndex(levels.index(previous))
        elif "lager" in levels:
            self.level.setCurrentIndex(levels.index("lager"))

    def values(self) -> dict:
        """site_id, layer, level, places, school_year, project."""
        site_id, layer = self.site.currentData()
        return {
            "site_id": site_id,
            "layer": layer,
            "level": self.level.currentData(),
            "places": int(self.places.value()),
            "school_year": int(self.school_year.value()),
            "project": self.project.text().strip(),
        }


#: Forecast parameters the dialog edits: (field, decimals, low, high, step).
PARAM_FIELDS = (
    ("kinderopvang_use", 2, 0.0, 1.0, 0.01),
    ("kleuter_participation", 2, 0.0, 1.0, 0.01),
    ("bso_use", 2, 0.0, 1.0, 0.01),
    ("jeugd_participation", 2, 0.0, 1.0, 0.01),
    ("walking_radius_m", 0, 100.0, 10000.0, 100.0),
    ("detour_factor", 2, 1.0, 3.0, 0.05),
)


class ParametersDialog(_Form):
    """The main forecast assumptions: births variant, use rates, walking radius, detour."""

    def __init__(self, params: ForecastParams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forecast parameters"))
        self.params = params
        self.variant = QComboBox()
        for v in VARIANTS:
            self.variant.addItem(v, v)
        self.variant.setCurrentIndex(max(self.variant.findData(params.birth_variant), 0))
        self.form.addRow(self.tr("Births variant"), self.variant)
        labels = {
            "kinderopvang_use": self.tr("Share of children 0-2 needing childcare"),
            "kleuter_participation": self.tr("Nursery participation"),
            "bso_use": self.tr("Share needing out-of-school care"),
            "jeugd_participation": self.tr("Youth work participation"),
            "walking_radius_m": self.tr("Walking radius (m)"),
            "detour_factor": self.tr("Detour factor (street / straight line)"),
        }
        self.fields: dict[str, QDoubleSpinBox] = {}
        for name, decimals, low, high, step in PARAM_FIELDS:
            box = QDoubleSpinBox()
            box.setDecimals(decimals)
            box.setRange(low, high)
            box.setSingleStep(step)
            box.setValue(float(getattr(params, name)))
            self.fields[name] = box
            self.form.addRow(labels[name], box)

    def new_params(self) -> ForecastParams:
        """The parameters with the dialog's values (validated by the caller)."""
        changes = {name: float(box.value()) for name, box in self.fields.items()}
        changes["birth_variant"] = self.variant.currentData()
        return dataclasses.replace(self.params, **changes)
