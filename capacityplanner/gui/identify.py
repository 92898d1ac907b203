"""Identify: what a feature is, its attributes and where the data comes from."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from capacityplanner.gui.dict_translator import layer_description
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.legend import layer_title

__all__ = ["FeatureReport", "IdentifyPanel", "describe_feature"]


@dataclass
class FeatureReport:
    """Everything identify tells about one feature."""

    layer: str
    layer_title: str
    fid: int
    attributes: list[tuple[str, str]]
    source: str
    description: str
    illustrative: bool
    geometry_type: str
    extra: dict[str, str] = field(default_factory=dict)


def _text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float | np.floating):
        return f"{value:,.2f}".replace(",", " ")
    return str(value)


def describe_feature(layer: MapLayer, fid: int) -> FeatureReport:
    """The attributes and provenance of feature ``fid`` of ``layer``."""
    row = layer.frame.loc[fid]
    geo = layer.frame.geometry.name
    attrs = [(str(c), _text(row[c])) for c in layer.frame.columns if c != geo]
    geom = row[geo]
    return FeatureReport(
        layer=layer.name,
        layer_title=layer_title(layer),
        fid=int(fid),
        attributes=attrs,
        source=layer.source,
        description=layer.description,
        illustrative=layer.illustrative,
        geometry_type=geom.geom_type if geom is not None else "",
    )


class IdentifyPanel(QWidget):
    """Shows the :class:`FeatureReport` of the last identified feature."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        layout.addWidget(self.tree)
        self.report: FeatureReport | None = None
        self.retranslate()

    def show_report(self, report: FeatureReport | None) -> None:
        """Display ``report`` (None clears the panel)."""
        self.report = report
        self.tree.clear()
        if report is None:
            self.header.setText(self.tr("Click a feature on the map with the identify tool."))
            return
        feature = self.tr("feature")
        status = (
            self.tr("Illustrative: generated data, not a real site or capacity")
            if report.illustrative
            else self.tr("Open data")
        )
        color = "#9a5b00" if report.illustrative else "#2e6b30"
        rows = [
            (self.tr("What it is"), html.escape(layer_description(report.description))),
            (self.tr("Source"), html.escape(report.source or self.tr("unknown"))),
            (
                self.tr("Status"),
                f'<span style="color:{color}; font-weight:bold">{html.escape(status)}</span>',
            ),
        ]
        body = "".join(f"<tr><td><b>{k}</b>&nbsp;</td><td>{v}</td></tr>" for k, v in rows if v)
        self.header.setText(
            f"<b>{html.escape(report.layer_title)}</b> — {feature} {report.fid} ({report.geometry_type})"
            f"<table style='margin-top:4px'>{body}</table>"
        )
        for key, value in report.attributes:
            item = QTreeWidgetItem(self.tree, [key, value])
            item.setToolTip(1, value)
        self.tree.resizeColumnToContents(0)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.show_report(self.report)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
