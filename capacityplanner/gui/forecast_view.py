"""Forecast charts for the city or a wijk (matplotlib in Qt).

Three charts, chosen in a combo box:

* children by age band over time, the middle births variant as a line and
  the low-high range as a shaded band;
* demand against capacity of a level over the school years (demand band
  low-mid-high, capacity as a step line), the gap shaded red;
* what housing projects add (workflow 3): extra children by age band and
  year as stacked bars, for one project or all, and the extra places each
  level needs at the peak.

The charts follow the wijk, level, school year and variant picked in the
other planning views, and redraw when the workspace changes.
"""

from __future__ import annotations

import html

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from capacityplanner.errors import InputError
from capacityplanner.gui.forecast_series import (
    age_band_series,
    demand_capacity_series,
    housing_series,
)
from capacityplanner.gui.planning_state import (
    PlanningState,
    add_planning_dock,
    level_title,
    places,
    school_year_text,
    shared_state,
    variant_title,
)
from capacityplanner.models.levels import LEVELS
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["CHARTS", "ForecastView", "install"]

CHARTS = ("population", "demand", "housing")
BAND_COLORS = {"0-2": "#e6550d", "3-5": "#fdae6b", "6-11": "#3182bd", "12-17": "#756bb1"}
DEMAND = "#3182bd"
CAPACITY = "#252525"


class ForecastView(QWidget):
    """The chart area with its area, chart, level and housing-project choosers.

    Parameters
    ----------
    state : PlanningState
        Shared wijk, level, school year, variant and workspace.
    """

    def __init__(self, state: PlanningState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.dock = None
        self.chart = "demand"
        self.figure = Figure(figsize=(6, 3.6), dpi=96, layout="constrained")
        self.figure.set_facecolor("white")
        self.axes = self.figure.add_subplot()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setParent(self)
        self.canvas.setMinimumHeight(220)
        self.chart_combo = QComboBox(self)
        for key in CHARTS:
            self.chart_combo.addItem(key, key)
        self.area_combo = QComboBox(self)
        self.level_combo = QComboBox(self)
        for level in LEVELS:
            self.level_combo.addItem(level, level)
        self.project_combo = QComboBox(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.chart_combo, self.area_combo, self.level_combo, self.project_combo):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.summary)
        self.chart_combo.currentIndexChanged.connect(
            lambda i: self.set_chart(self.chart_combo.itemData(i))
        )
        self.area_combo.currentIndexChanged.connect(
            lambda i: state.set_wijk(self.area_combo.itemData(i) or 0)
        )
        self.level_combo.currentIndexChanged.connect(
            lambda i: state.set_level(self.level_combo.itemData(i))
        )
        self.project_combo.currentIndexChanged.connect(lambda _i: self.redraw())
        state.wijkChanged.connect(lambda _n: self.redraw())
        state.settingsChanged.connect(self.redraw)
        state.dataChanged.connect(lambda _what: self.redraw())
        self.retranslate_ui()

    # -- choosers --------------------------------------------------------------
    def set_chart(self, chart: str) -> None:
        """Show ``"population"``, ``"demand"`` or ``"housing"``."""
        if chart not in CHARTS:
            raise ValueError(f"unknown chart {chart!r}")
        self.chart = chart
        self.chart_combo.blockSignals(True)
        self.chart_combo.setCurrentIndex(self.chart_combo.findData(chart))
        self.chart_combo.blockSignals(False)
        self.redraw()

    def set_project(self, project_id: str | None) -> None:
        """Show what one housing project adds (None: all projects)."""
        self.project_combo.setCurrentIndex(max(0, self.project_combo.findData(project_id or "")))

    def _fill_choosers(self) -> None:
        state = self.state
        for combo in (self.area_combo, self.level_combo, self.project_combo):
            combo.blockSignals(True)
        self.area_combo.clear()
        self.area_combo.addItem(self.tr("Ghent (city)"), 0)
        for number, name in sorted(state.workspace.wijk_names().items(), key=lambda kv: str(kv[1])):
            self.area_combo.addItem(f"{name} ({number})", int(number))
        self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(state.wijknr)))
        self.level_combo.setCurrentIndex(self.level_combo.findData(state.level))
        current = self.project_combo.currentData() or ""
        self.project_combo.clear()
        self.project_combo.addItem(self.tr("All housing projects"), "")
        projects = state.workspace.housing_projects()
        key = "project_id" if "project_id" in projects.columns else "site_id"
        for _i, p in projects.iterrows() if len(projects) else ():
            text = f"{p.get('name', p[key])} ({int(p['dwellings'])}, {int(p['first_year'])}-{int(p['last_year'])})"
            self.project_combo.addItem(text, str(p[key]))
        self.project_combo.setCurrentIndex(max(0, self.project_combo.findData(current)))
        for combo in (self.area_combo, self.level_combo, self.project_combo):
            combo.blockSignals(False)
        self.level_combo.setVisible(self.chart == "demand")
        self.project_combo.setVisible(self.chart == "housing")

    # -- drawing ---------------------------------------------------------------
    def area_title(self) -> str:
        """``Ghent`` or the wijk's name."""
        if not self.state.wijknr:
            return self.tr("Ghent")
        return str(self.state.workspace.wijk_names().get(self.state.wijknr, self.state.wijknr))

    def redraw(self) -> None:
        """Draw the chosen chart for the chosen area."""
        self._fill_choosers()
        self.figure.clear()
        self.axes = self.figure.add_subplot()
        try:
            {"population": self._population, "demand": self._demand, "housing": self._housing}[
                self.chart
            ]()
        except InputError as exc:
            self.axes.text(0.5, 0.5, exc.message, ha="center", va="center", wrap=True)
            self.summary.setText(html.escape(exc.message))
        self._finish_axes()
        self.canvas.draw_idle()

    def _finish_axes(self) -> None:
        ax = self.axes
        ax.grid(True, color="#e5e5e5", linewidth=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=8)
        ax.yaxis.set_major_formatter(lambda v, _pos: places(v))
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=8, frameon=False, loc="best")

    def _mark_year(self, x: float) -> None:
        self.axes.axvline(x, color="#999999", linewidth=0.8, linestyle=":", zorder=1)

    def _population(self) -> None:
        ax = self.axes
        series = age_band_series(self.state.workspace, self.state.wijknr or None)
        for band, s in series.items():
            color = BAND_COLORS[band]
            ax.fill_between(s.years, s.low, s.high, color=color, alpha=0.18, linewidth=0).set_gid(
                f"band {band}"
            )
            ax.plot(
                s.years,
                s.mid,
                color=color,
                linewidth=1.8,
                label=self.tr("aged %1").replace("%1", band),
                gid=f"mid {band}",
            )
        self._mark_year(self.state.year + 1)
        ax.set_title(
            self.tr("%1: children by age (1 January), band = low-high births").replace(
                "%1", self.area_title()
            ),
            fontsize=10,
        )
        ax.set_xlabel(self.tr("year (1 January)"), fontsize=8)
        first = {b: s.mid[0] for b, s in series.items()}
        last = {b: s.mid[-1] for b, s in series.items()}
        self.summary.setText(
            self.tr("Children aged 0-17: %1 in %2, %3 in %4 (middle births).")
            .replace("%1", places(sum(first.values())))
            .replace("%2", str(series["0-2"].years[0]))
            .replace("%3", places(sum(last.values())))
            .replace("%4", str(series["0-2"].years[-1]))
        )

    def _demand(self) -> None:
        ax = self.axes
        state = self.state
        demand, capacity = demand_capacity_series(
            state.workspace, state.level, state.wijknr or None
        )
        x = demand.years
        ax.fill_between(
            x,
            demand.low,
            demand.high,
            color=DEMAND,
            alpha=0.2,
            linewidth=0,
            label=self.tr("demand, low-high births"),
            gid="demand band",
        )
        ax.plot(
            x,
            demand.mid,
            color=DEMAND,
            linewidth=2,
            label=self.tr("demand, middle births"),
            gid="demand mid",
        )
        ax.step(
            x,
            capacity,
            where="post",
            color=CAPACITY,
            linewidth=1.6,
            label=self.tr("capacity"),
            gid="capacity",
        )
        short = demand.mid > capacity
        ax.fill_between(
            x,
            capacity,
            demand.mid,
            where=short,
            step=None,
            color="#de2d26",
            alpha=0.15,
            linewidth=0,
            interpolate=True,
            gid="shortfall",
        )
        self._mark_year(state.year)
        ax.set_title(
            self.tr("%1: demand and capacity, %2")
            .replace("%1", self.area_title())
            .replace("%2", level_title(state.level)),
            fontsize=10,
        )
        ax.set_xlabel(self.tr("school year"), fontsize=8)
        ax.set_ylim(bottom=0)
        t = int(np.flatnonzero(x == state.year)[0]) if state.year in x else 0
        gap = demand.values[:, t] - capacity[t]
        variant = list(("low", "mid", "high")).index(state.variant)
        peak = int(np.argmax(demand.mid))
        self.summary.setText(
            self.tr("School year %1 (%2): demand %3 (range %4 – %5), capacity %6, %7.")
            .replace("%1", school_year_text(int(x[t])))
            .replace("%2", variant_title(state.variant))
            .replace("%3", places(demand.values[variant, t]))
            .replace("%4", places(demand.low[t]))
            .replace("%5", places(demand.high[t]))
            .replace("%6", places(capacity[t]))
            .replace(
                "%7",
                self.tr("%1 places short").replace("%1", places(gap[variant]))
                if gap[variant] > 0.5
                else self.tr("%1 places spare").replace("%1", places(-gap[variant])),
            )
            + " "
            + self.tr("Demand peaks in %1 at %2.")
            .replace("%1", school_year_text(int(x[peak])))
            .replace("%2", places(demand.mid[peak]))
        )

    def _housing(self) -> None:
        ax = self.axes
        state = self.state
        project_id = self.project_combo.currentData() or None
        area = None if project_id else (state.wijknr or None)
        years, bands, levels = housing_series(state.workspace, project_id, area)
        bottom = np.zeros(len(years))
        for band, values in bands.items():
            ax.bar(
                years,
                values,
                bottom=bottom,
                color=BAND_COLORS[band],
                width=0.8,
                label=self.tr("aged %1").replace("%1", band),
            )
            bottom += values
        name = self.project_combo.currentText() if project_id else self.tr("All housing projects")
        where = "" if project_id or not area else f" – {self.area_title()}"
        ax.set_title(
            self.tr("Extra children from %1%2 (1 January)")
            .replace("%1", name)
            .replace("%2", where),
            fontsize=10,
        )
        ax.set_xlabel(self.tr("year (1 January)"), fontsize=8)
        peaks = []
        for level in ("kinderopvang", "kleuter", "lager", "secundair"):
            values = levels[level]
            i = int(np.argmax(values))
            if values[i] >= 0.5:
                peaks.append(
                    self.tr("%1 +%2 (%3)")
                    .replace("%1", level)
                    .replace("%2", places(values[i]))
                    .replace("%3", school_year_text(int(years[1:][i])))
                )
        if peaks:
            self.summary.setText(
                self.tr("Extra places needed at the peak: %1.").replace("%1", ", ".join(peaks))
            )
        else:
            self.summary.setText(self.tr("No housing project adds children here."))

    # -- language --------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text in the current language (the chart is redrawn)."""
        titles = {
            "population": self.tr("Children by age"),
            "demand": self.tr("Demand and capacity"),
            "housing": self.tr("Housing projects: extra children"),
        }
        for i, key in enumerate(CHARTS):
            self.chart_combo.setItemText(i, titles[key])
        self.chart_combo.blockSignals(True)
        self.chart_combo.setCurrentIndex(self.chart_combo.findData(self.chart))
        self.chart_combo.blockSignals(False)
        for i, level in enumerate(LEVELS):
            self.level_combo.setItemText(i, level_title(level))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Forecast"))
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def install(window, workspace: Workspace) -> ForecastView:
    """Add the "Forecast" dock (bottom, beside the attribute table) and its menu entry.

    Returns
    -------
    ForecastView
        ``set_chart("population" | "demand" | "housing")``, ``set_project(id)``;
        ``figure``/``axes`` hold the matplotlib chart.
    """
    state = shared_state(window, workspace)
    view = ForecastView(state, window)
    add_planning_dock(
        window, view, "forecast", Qt.DockWidgetArea.BottomDockWidgetArea, 320, beside="dock_table"
    )
    return view
