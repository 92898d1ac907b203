"""A plan on the map and in a table: proposed sites, allocation lines, unmet demand.

:func:`plan_layers` turns a :class:`~capacityplanner.models.optimise.PlanResult`
into map layers of the ``plan`` group; :class:`PlanResultsPanel` shows the
plain-language summary, the proof of optimality and the sites.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.gui.dict_translator import is_dutch
from capacityplanner.models.optimise import PlanningProblem, PlanResult, summary_en, summary_nl
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.style import (
    CategorizedStyle,
    Category,
    GraduatedStyle,
    LabelStyle,
    SingleStyle,
    Symbol,
)

__all__ = ["PLAN_LAYERS", "PlanResultsPanel", "plan_layers", "proof_text"]

CRS = 31370
#: Map layer names of a plan, bottom first.
PLAN_LAYERS = ("plan_unmet", "plan_allocation", "plan_sites")


def _t(text: str) -> str:
    return QCoreApplication.translate("PlanLayers", text)


def layer_titles() -> dict[str, str]:
    """Translated titles of the plan layers."""
    return {
        "plan_sites": _t("Proposed sites"),
        "plan_allocation": _t("Allocation (children to sites)"),
        "plan_unmet": _t("Unmet demand per wijk"),
    }


class PlanLayer(MapLayer):
    """A plan layer whose title always follows the interface language."""

    @property
    def title(self) -> str:  # noqa: D102
        return layer_titles().get(self.name, self.name)

    @title.setter
    def title(self, _value: str) -> None:
        pass  # the title is derived from the name and the language


def _site_points(problem: PlanningProblem) -> pd.DataFrame:
    sites = pd.concat(
        [problem.existing[["site_id", "x", "y"]], problem.candidates[["site_id", "x", "y"]]],
        ignore_index=True,
    )
    return sites.drop_duplicates("site_id").set_index("site_id")


def _sites_layer(result: PlanResult) -> MapLayer:
    sites = result.sites.copy()
    brede = sites["brede"].astype(bool) if "brede" in sites else False
    sites["symbol"] = np.where(
        (sites["kind"] == "new") & brede, "new_brede", sites["kind"].astype(str)
    )
    place_cols = [c for c in sites.columns if str(c).startswith("places_")]
    sites["places"] = sites[place_cols].sum(axis=1) if place_cols else 0.0
    frame = gpd.GeoDataFrame(
        sites, geometry=shapely.points(sites["x"].to_numpy(), sites["y"].to_numpy()), crs=CRS
    )
    style = CategorizedStyle(
        "symbol",
        [
            Category(
                "closed",
                Symbol(fill="#bdbdbd", stroke="#525252", marker="circle", size=10),
                _t("Closed site"),
            ),
            Category(
                "expanded",
                Symbol(fill="#fdae61", stroke="#7f3b08", marker="square", size=11),
                _t("Expanded site"),
            ),
            Category(
                "new",
                Symbol(fill="#d7301f", stroke="#ffffff", stroke_width=1.5, size=14),
                _t("New site"),
            ),
            Category(
                "new_brede",
                Symbol(
                    fill="#1a9850", stroke="#ffffff", stroke_width=1.5, marker="diamond", size=18
                ),
                _t("New brede site (shared school, childcare, bso, youth)"),
            ),
        ],
    )
    return PlanLayer(
        "plan_sites",
        frame,
        style,
        title=layer_titles()["plan_sites"],
        group="plan",
        labels=LabelStyle("name", size=8.0, color="#7f0000", bold=True),
        description=_t("Sites the optimiser proposes to open, expand or close."),
    )


def _allocation_layer(result: PlanResult, problem: PlanningProblem) -> MapLayer:
    alloc = result.allocation
    points = problem.points.drop_duplicates("point_id").set_index("point_id")
    sites = _site_points(problem)
    alloc = alloc[alloc["point_id"].isin(points.index) & alloc["site_id"].isin(sites.index)]
    p = points.loc[alloc["point_id"], ["x", "y"]].to_numpy(dtype=float)
    s = sites.loc[alloc["site_id"], ["x", "y"]].to_numpy(dtype=float)
    coords = np.stack([p, s], axis=1)  # (n, 2 ends, xy)
    geoms = shapely.linestrings(coords) if len(coords) else []
    frame = gpd.GeoDataFrame(alloc.reset_index(drop=True), geometry=list(geoms), crs=CRS)
    style = SingleStyle(Symbol(fill=None, stroke="#3182bd", stroke_width=0.8, fill_opacity=0.6))
    return PlanLayer(
        "plan_allocation",
        frame,
        style,
        title=layer_titles()["plan_allocation"],
        group="plan",
        description=_t("From each demand point to the site its children are placed at."),
    )


def _unmet_layer(result: PlanResult, wijken: gpd.GeoDataFrame) -> MapLayer:
    unmet = result.unmet
    per_wijk = (
        unmet.groupby("wijknr")["children"].sum()
        if len(unmet)
        else pd.Series(dtype=float, name="children")
    )
    frame = wijken[["wijknr", "wijk", wijken.geometry.name]].copy()
    frame["unmet_children"] = frame["wijknr"].map(per_wijk).fillna(0.0).round(1)
    frame = frame[frame["unmet_children"] > 0]
    base = Symbol(stroke="#67000d", stroke_width=0.8, fill_opacity=0.55)
    style = (
        GraduatedStyle.from_values(
            "unmet_children", frame["unmet_children"], 4, base=base, colors=("#fcbba1", "#a50f15")
        )
        if frame["unmet_children"].nunique() > 1
        else SingleStyle(Symbol(fill="#ef3b2c", stroke="#67000d", fill_opacity=0.55))
    )
    return PlanLayer(
        "plan_unmet",
        gpd.GeoDataFrame(frame, geometry=wijken.geometry.name, crs=wijken.crs),
        style,
        title=layer_titles()["plan_unmet"],
        group="plan",
        description=_t("Children the plan cannot place within the maximum distance."),
    )


def plan_layers(
    result: PlanResult, problem: PlanningProblem, wijken: gpd.GeoDataFrame | None
) -> list[MapLayer]:
    """Map layers of a plan, bottom first: unmet demand, allocation lines, sites."""
    layers = []
    if wijken is not None:
        layers.append(_unmet_layer(result, wijken))
    layers.append(_allocation_layer(result, problem))
    layers.append(_sites_layer(result))
    return layers


def proof_text(result: PlanResult) -> str:
    """One line on how sure the plan is (translated)."""
    t = _t
    loc = QLocale()
    gap = "" if result.mip_gap is None else loc.toString(100.0 * result.mip_gap, "f", 2) + " %"
    secs = loc.toString(result.solve_seconds, "f", 1)
    if result.status == "infeasible":
        return t("No plan exists with these settings.")
    if result.status == "no_solution":
        return t("The solver stopped before it found any plan.")
    if result.proven_optimal:
        return (
            t("Proven optimal: no better plan exists (gap %1, %2 s).")
            .replace("%1", gap or "0 %")
            .replace("%2", secs)
        )
    if result.status == "cancelled":
        if not gap:
            return t("Cancelled: the best plan found so far, not proven optimal.")
        return t("Cancelled: the best plan found so far, not proven optimal (gap %1).").replace(
            "%1", gap
        )
    return (
        t("Not proven optimal: the best plan within the time limit (gap %1, %2 s).")
        .replace("%1", gap or "?")
        .replace("%2", secs)
    )


class PlanResultsPanel(QWidget):
    """Summary, proof and proposed sites of the last plan."""

    COLUMNS = ("name", "kind", "brede", "functions", "places", "cost", "wijk")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: PlanResult | None = None
        self.proof = QLabel(self)
        self.proof.setWordWrap(True)
        self.proof.setObjectName("plan_proof")
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("plan_summary")
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.proof)
        layout.addWidget(self.summary, 2)
        layout.addWidget(self.table, 3)
        self.retranslate()

    def show_result(self, result: PlanResult | None) -> None:
        """Show ``result`` (None clears the panel)."""
        self.result = result
        self.retranslate()

    def summary_text(self) -> str:
        """The paragraph for the briefing, or the explanation of an infeasible plan."""
        r = self.result
        if r is None:
            return self.tr("Run the optimiser (Plan menu) to see a proposal here.")
        if r.status == "infeasible" and r.explanation is not None:
            return r.explanation.text_nl if is_dutch() else r.explanation.text_en
        return summary_nl(r) if is_dutch() else summary_en(r)

    def retranslate(self) -> None:
        """Texts and table in the current language."""
        r = self.result
        self.proof.setText("" if r is None else proof_text(r))
        style = "color: #1a6e2e;" if r is not None and r.proven_optimal else "color: #8a4b00;"
        self.proof.setStyleSheet(f"QLabel {{ font-weight: bold; {style} }}")
        self.summary.setPlainText(self.summary_text())
        headers = [
            self.tr("Site"),
            self.tr("Action"),
            self.tr("Brede site"),
            self.tr("Functions"),
            self.tr("Places"),
            self.tr("Cost (EUR)"),
            self.tr("Wijk"),
        ]
        self.table.setHorizontalHeaderLabels(headers)
        self._fill_table()

    def _fill_table(self) -> None:
        r = self.result
        sites = r.sites if r is not None else pd.DataFrame()
        kinds = {
            "new": self.tr("new"),
            "expanded": self.tr("expanded"),
            "closed": self.tr("closed"),
        }
        self.table.setRowCount(len(sites))
        loc = QLocale()
        place_cols = [c for c in sites.columns if str(c).startswith("places_")]
        names = r.wijk_names if r is not None else {}
        for i, row in enumerate(sites.itertuples(index=False)):
            rec = row._asdict()
            places = sum(float(rec.get(c) or 0.0) for c in place_cols)
            values = [
                str(rec.get("name") or rec.get("site_id")),
                kinds.get(rec.get("kind"), str(rec.get("kind"))),
                self.tr("yes") if rec.get("brede") else "",
                str(rec.get("functions") or ""),
                loc.toString(round(places)),
                loc.toString(float(rec.get("cost") or 0.0), "f", 0),
                names.get(int(rec.get("wijknr") or 0), str(rec.get("wijknr") or "")),
            ]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j in (4, 5):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
