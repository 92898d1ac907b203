"""The chosen wijk: its balance per level, its children by age, and where each number comes from.

A wijk is picked on the map (identify, or select one wijk, balance area or
site), in the five-worst list, in the attribute table or in the panel's own
combo box. The panel shows, for the chosen school year and births variant,
every level's capacity, residents' demand, inflow share, demand and balance,
childcare coverage against the norms, the forecast children by age band, and
a plain account of the sources: capacity as of which school year and from
which layers, how demand is made, the parameters, the data version and
whether the data are illustrative.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.errors import InputError
from capacityplanner.gui.planning_state import (
    PlanningState,
    add_planning_dock,
    level_title,
    places,
    school_year_text,
    shared_state,
    variant_title,
)
from capacityplanner.models.balance import BARCELONA_NORM, FLEMISH_NORM
from capacityplanner.models.levels import LEVELS, expand_level
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["DistrictPanel", "install"]

FIGURES = ("capacity", "resident_demand", "inflow_demand", "demand", "balance")
SHORT = QColor("#a50f15")
SPARE = QColor("#1b7837")
#: Ages shown in the forecast block: the level bands of the brief.
CHILD_BANDS = {"0-2": (0, 2), "3-5": (3, 5), "6-11": (6, 11), "12-17": (12, 17)}


def _pct(x: float) -> str:
    return QLocale().toString(100 * float(x), "f", 0) + "%"


class DistrictPanel(QWidget):
    """Numbers of one wijk per level, with their sources.

    Parameters
    ----------
    state : PlanningState
        Shared level, year, variant, picked wijk and workspace.
    """

    def __init__(self, state: PlanningState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.dock = None
        self.combo = QComboBox(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setColumnCount(1 + len(FIGURES))
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(False)
        self.childcare = QLabel(self)
        self.childcare.setWordWrap(True)
        self.children = QTreeWidget(self)
        self.children.setRootIsDecorated(False)
        self.children.setUniformRowHeights(True)
        self.children.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.children.header().setStretchLastSection(False)
        self.sources = QTextBrowser(self)
        self.sources.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.combo)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.childcare)
        layout.addWidget(self.children, 2)
        layout.addWidget(self.sources, 3)
        self.combo.currentIndexChanged.connect(
            lambda i: state.set_wijk(self.combo.itemData(i) or 0)
        )
        state.wijkChanged.connect(lambda _n: self.refresh())
        state.settingsChanged.connect(self.refresh)
        state.dataChanged.connect(lambda _what: self.refresh())
        self.retranslate_ui()

    # -- content ---------------------------------------------------------------
    def _fill_combo(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— pick a wijk on the map or here —"), 0)
        names = self.state.workspace.wijk_names()
        for number, name in sorted(names.items(), key=lambda kv: str(kv[1])):
            self.combo.addItem(f"{name} ({number})", int(number))
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.state.wijknr)))
        self.combo.blockSignals(False)

    def rows(self) -> pd.DataFrame:
        """The balance rows of the picked wijk, one per level (empty when none is picked)."""
        if not self.state.wijknr:
            return pd.DataFrame()
        table = self.state.balance()
        return table[table["wijknr"] == self.state.wijknr].set_index("level")

    def shown_numbers(self) -> dict[str, dict[str, str]]:
        """What the table shows: level -> figure -> text."""
        out = {}
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            level = item.data(0, Qt.ItemDataRole.UserRole)
            out[level] = {f: item.text(j + 1) for j, f in enumerate(FIGURES)}
        return out

    def refresh(self) -> None:
        """Show the picked wijk's numbers for the chosen year and variant."""
        self._fill_combo()
        self.table.clear()
        self.children.clear()
        self.childcare.clear()
        state = self.state
        if not state.wijknr:
            self.title.setText(self.tr("No wijk picked."))
            self.sources.setHtml("")
            return
        try:
            rows = self.rows()
        except InputError as exc:
            self.title.setText(html.escape(exc.message))
            return
        name = state.workspace.wijk_names().get(state.wijknr, str(state.wijknr))
        self.title.setText(
            f"<b>{html.escape(str(name))}</b> "
            + self.tr("(wijk %1), school year %2, %3")
            .replace("%1", str(state.wijknr))
            .replace("%2", school_year_text(state.year))
            .replace("%3", variant_title(state.variant))
        )
        for level in LEVELS:
            if level not in rows.index:
                continue
            row = rows.loc[level]
            item = QTreeWidgetItem([level])
            item.setData(0, Qt.ItemDataRole.UserRole, level)
            for j, figure in enumerate(FIGURES, start=1):
                item.setText(j, places(row[figure]))
                item.setTextAlignment(
                    j, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            balance = float(row["balance"])
            item.setForeground(5, QBrush(SHORT if balance < -0.5 else SPARE))
            tip = self._capacity_sources(level)
            item.setToolTip(1, tip)
            item.setToolTip(0, level_title(level, with_key=False))
            if level == state.level:
                font = item.font(0)
                font.setBold(True)
                for j in range(self.table.columnCount()):
                    item.setFont(j, font)
            self.table.addTopLevelItem(item)
        if "kinderopvang" in rows.index and pd.notna(rows.loc["kinderopvang"].get("coverage")):
            kin = rows.loc["kinderopvang"]
            coverage = float(kin["coverage"])
            verdict = (
                self.tr("under the Barcelona norm (33%)")
                if coverage < BARCELONA_NORM
                else self.tr("under the Flemish norm (52%)")
                if coverage < FLEMISH_NORM
                else self.tr("meets the Flemish norm (52%)")
            )
            share = kin.get("income_related_share")
            self.childcare.setText(
                self.tr("Childcare coverage %1 (places / children aged 0-2: %2 / %3), %4.")
                .replace("%1", _pct(coverage))
                .replace("%2", places(kin["capacity"]))
                .replace("%3", places(kin["children_0_2"]))
                .replace("%4", verdict)
                + (
                    " " + self.tr("Income-related places: %1.").replace("%1", _pct(share))
                    if pd.notna(share)
                    else ""
                )
            )
        self._fill_children()
        self.sources.setHtml(self._sources_html())

    def _capacity_sources(self, level: str) -> str:
        """Which layers hold the places of ``level`` in the picked wijk, opened by the capacity year."""
        try:
            records = self.state.workspace.capacity_records()
        except InputError as exc:
            return exc.message
        year = self.state.capacity_year
        sel = records[
            (records["wijknr"] == self.state.wijknr)
            & records["level"].isin(expand_level(level))
            & (records["school_year"] <= year)
        ]
        if sel.empty:
            return self.tr("No places of this level in the wijk by %1.").replace(
                "%1", school_year_text(year)
            )
        parts = sel.groupby("layer").agg(sites=("site_id", "nunique"), places=("places", "sum"))
        lines = [
            self.tr("%1: %2 places at %3 sites")
            .replace("%1", str(layer or self.tr("capacity changes")))
            .replace("%2", places(r["places"]))
            .replace("%3", str(int(r["sites"])))
            for layer, r in parts.iterrows()
        ]
        head = self.tr("Places opened by school year %1:").replace("%1", school_year_text(year))
        return "\n".join([head, *lines])

    def _fill_children(self) -> None:
        """Forecast children by age band in the picked wijk (1 January of the years shown)."""
        state = self.state
        forecast = state.workspace.forecast("sector")
        sel = forecast.area_wijknr == state.wijknr
        pop = forecast.population[forecast.variant_index(state.variant)][sel].sum(axis=0)
        years = [y for y in (state.year + 1, 2030, 2040, 2050) if y in set(forecast.years)]
        years = sorted(set(years))
        cols = [int(np.flatnonzero(forecast.years == y)[0]) for y in years]
        self.children.setColumnCount(1 + len(years))
        self.children.setHeaderLabels([self.tr("Children (1 January)")] + [str(y) for y in years])
        for band, (lo, hi) in CHILD_BANDS.items():
            item = QTreeWidgetItem([self.tr("aged %1").replace("%1", band)])
            for j, c in enumerate(cols, start=1):
                item.setText(j, places(pop[lo : hi + 1, c].sum()))
                item.setTextAlignment(
                    j, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.children.addTopLevelItem(item)

    def _sources_html(self) -> str:
        state = self.state
        ws = state.workspace
        prov = ws.provenance()
        params = ws.params
        inflow = ", ".join(
            f"{lvl} {_pct(share)}" for lvl, share in params.inflow_share.items() if share > 0
        )
        parts = [
            self.tr(
                "<b>Capacity</b>: places of the sites in this wijk opened by school year %1, "
                "plus the capacity changes counted by then (hover a row for the layers)."
            ).replace("%1", school_year_text(state.capacity_year)),
            self.tr(
                "<b>Demand</b> = residents (forecast children living in the wijk on 1 January %1, "
                "by the age rules of each level and its participation rate) + inflow (the share "
                "of pupils living outside Ghent: %2, spread over the wijken by their capacity)."
            )
            .replace("%1", str(state.year + 1))
            .replace("%2", html.escape(inflow or "0%")),
            self.tr("<b>Balance</b> = capacity − demand; negative means places short.")
            + " "
            + self.tr("Basis = nursery + primary."),
            self.tr(
                "<b>Parameters</b>: base year %1, births variant %2, walking radius %3 m; "
                "migration and children per dwelling as in the scenario's parameters."
            )
            .replace("%1", str(params.base_year))
            .replace("%2", variant_title(state.variant))
            .replace("%3", places(params.walking_radius_m)),
            self.tr("<b>Data</b>: %1 (version %2), tool version %3. %4")
            .replace("%1", html.escape(str(prov["data"]).rsplit("/", 1)[-1]))
            .replace("%2", html.escape(str(prov["data_version"])))
            .replace("%3", html.escape(str(prov["tool_version"])))
            .replace("%4", html.escape(str(prov["credit"]))),
        ]
        illustrative = [n for n in prov["illustrative"] if self._still_illustrative(n)]
        if illustrative:
            parts.append(
                "<span style='color:#7a4b00'>"
                + self.tr(
                    "⚠ <b>Illustrative</b>: %1 are generated, not real; the numbers show "
                    "how the tool works, not the city's real situation."
                ).replace("%1", html.escape(", ".join(illustrative)))
                + "</span>"
            )
        if state.capacity_as_of is not None:
            parts.insert(
                1,
                self.tr(
                    "Capacity is counted as of school year %1, not the school year shown."
                ).replace("%1", school_year_text(state.capacity_as_of)),
            )
        return "<p>" + "</p><p>".join(p for p in parts if p) + "</p>"

    def _still_illustrative(self, name: str) -> bool:
        """An imported layer (field ``illustrative`` = 0) is no longer illustrative."""
        layer = self.state.workspace.layers.get(name)
        if layer is None or "illustrative" not in getattr(layer, "columns", []):
            return True
        return bool(pd.to_numeric(layer["illustrative"], errors="coerce").eq(1).any())

    # -- language --------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text in the current language."""
        self.table.setHeaderLabels(
            [
                self.tr("Level"),
                self.tr("Capacity"),
                self.tr("Residents"),
                self.tr("Inflow"),
                self.tr("Demand"),
                self.tr("Balance"),
            ]
        )
        header = self.table.headerItem()
        header.setToolTip(1, self.tr("Places opened by the capacity year"))
        header.setToolTip(2, self.tr("Demand of the children living in the wijk"))
        header.setToolTip(3, self.tr("The wijk's share of the pupils living outside Ghent"))
        header.setToolTip(4, self.tr("Residents + inflow"))
        header.setToolTip(5, self.tr("Capacity − demand (negative: short)"))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Wijk"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def install(window, workspace: Workspace) -> DistrictPanel:
    """Add the "Wijk" dock (right) showing the picked wijk's numbers and sources.

    Parameters
    ----------
    window : MainWindow
        Uses ``add_dock``, ``menuBar``, ``canvas`` and ``map_model`` (picking).
    workspace : Workspace
        Computes the numbers.

    Returns
    -------
    DistrictPanel
        Call ``panel.state.set_wijk(n)`` to pick a wijk from code.
    """
    state = shared_state(window, workspace)
    panel = DistrictPanel(state, window)
    add_planning_dock(
        window,
        panel,
        "district",
        Qt.DockWidgetArea.RightDockWidgetArea,
        400,
        beside="dock_identify",
    )
    return panel
