"""A dialog to give a layer a single, categorized or graduated style."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from capacityplanner.render.layer import MapLayer
from capacityplanner.render.style import (
    CategorizedStyle,
    GraduatedStyle,
    SingleStyle,
    Style,
    Symbol,
)

__all__ = ["RAMPS", "StyleDialog", "build_style"]

#: Colour ramps offered for graduated styles.
RAMPS = {
    "oranges": ("#fee8c8", "#b30000"),
    "blues": ("#deebf7", "#08519c"),
    "greens": ("#e5f5e0", "#006d2c"),
    "purples": ("#f2f0f7", "#54278f"),
}


def _base_symbol(layer: MapLayer) -> Symbol:
    syms = layer.style.symbols()
    return syms[-1] if syms else Symbol()


def build_style(
    layer: MapLayer,
    kind: str,
    field: str = "",
    n_classes: int = 5,
    method: str = "quantile",
    ramp: str = "oranges",
) -> Style:
    """A new style of ``kind`` ("single", "categorized", "graduated") for ``layer``."""
    base = _base_symbol(layer)
    if kind == "categorized" and field:
        return CategorizedStyle.from_values(
            field, layer.frame[field], replace(base, fill=base.fill or "#888888")
        )
    if kind == "graduated" and field:
        sizes = (6.0, 16.0) if layer.kind == "point" else None
        colors = RAMPS.get(ramp, RAMPS["oranges"])
        return GraduatedStyle.from_values(
            field,
            layer.frame[field],
            n_classes,
            method=method,
            base=base,
            colors=colors,
            sizes=sizes,
        )
    return SingleStyle(base)


class StyleDialog(QDialog):
    """Choose the style type, field, number of classes, method and colour ramp."""

    def __init__(self, layer: MapLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.setWindowTitle(self.tr("Style: %1").replace("%1", layer.title))
        self.kind = QComboBox(self)
        for key, text in (
            ("single", self.tr("Single symbol")),
            ("categorized", self.tr("Categorized")),
            ("graduated", self.tr("Graduated")),
        ):
            self.kind.addItem(text, key)
        self.field = QComboBox(self)
        geo = layer.frame.geometry.name
        for col in layer.frame.columns:
            if col != geo:
                self.field.addItem(str(col), col)
        self.classes = QSpinBox(self)
        self.classes.setRange(2, 9)
        self.classes.setValue(5)
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Quantile (equal count)"), "quantile")
        self.method.addItem(self.tr("Equal interval"), "equal")
        self.ramp = QComboBox(self)
        for key in RAMPS:
            self.ramp.addItem(key, key)
        current = layer.style
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind)))
        if getattr(current, "field", None):
            self.field.setCurrentIndex(max(0, self.field.findData(current.field)))
        form = QFormLayout(self)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("Classes"), self.classes)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Colours"), self.ramp)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        kind = self.kind.currentData()
        self.field.setEnabled(kind != "single")
        for w in (self.classes, self.method, self.ramp):
            w.setEnabled(kind == "graduated")

    def style(self) -> Style:
        """The style chosen."""
        field = self.field.currentData() or ""
        kind = self.kind.currentData()
        if (
            kind == "graduated"
            and field
            and not pd.api.types.is_numeric_dtype(self.layer.frame[field])
        ):
            kind = "categorized"
        return build_style(
            self.layer,
            kind,
            field,
            self.classes.value(),
            self.method.currentData(),
            self.ramp.currentData(),
        )
