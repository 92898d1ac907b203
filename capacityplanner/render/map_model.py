"""The layer registry: ordered layers in groups, visibility, styles and the selection.

Widgets (map canvas, layer tree, attribute table) and exports observe one
:class:`MapModel`; a change made in one view is announced by a signal and the
others follow. New kinds of layer (a balance choropleth, an optimiser
proposal) are added with :meth:`MapModel.add_layer` and a style.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from capacityplanner.render.layer import MapLayer
from capacityplanner.render.style import Style

__all__ = ["DEFAULT_GROUPS", "MapModel"]

#: Layer-tree groups, top to bottom.
DEFAULT_GROUPS = ("plan", "voorzieningen", "demografie", "basis")


class MapModel(QObject):
    """Ordered map layers and the current feature selection.

    ``layers`` is in drawing order, bottom first; the layer tree shows it
    reversed (top first) inside its groups.

    Signals
    -------
    layersChanged()
        A layer was added or removed, or the order changed.
    layerChanged(str)
        Visibility, style or features of one layer changed.
    selectionChanged(str)
        The selected features of one layer changed.
    """

    layersChanged = Signal()
    layerChanged = Signal(str)
    selectionChanged = Signal(str)

    def __init__(
        self, groups: Iterable[str] = DEFAULT_GROUPS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.groups: list[str] = list(groups)
        self.layers: list[MapLayer] = []
        self._selection: dict[str, list[int]] = {}

    # -- layers -------------------------------------------------------------
    def __contains__(self, name: str) -> bool:
        return any(layer.name == name for layer in self.layers)

    def layer(self, name: str) -> MapLayer:
        """The layer called ``name`` (KeyError if absent)."""
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)

    def add_layer(self, layer: MapLayer) -> MapLayer:
        """Add ``layer`` on top of its group (replacing a layer with the same name)."""
        if layer.name in self:
            self.layers = [lyr for lyr in self.layers if lyr.name != layer.name]
        if layer.group not in self.groups:
            self.groups.insert(0, layer.group)
        self.layers.append(layer)
        self._sort_by_group()
        self.layersChanged.emit()
        return layer

    def remove_layer(self, name: str) -> None:
        """Remove a layer and its selection."""
        self.layers = [lyr for lyr in self.layers if lyr.name != name]
        self._selection.pop(name, None)
        self.layersChanged.emit()

    def set_order(self, names_top_first: list[str]) -> None:
        """Reorder layers; ``names_top_first`` lists them as the layer tree does."""
        by_name = {layer.name: layer for layer in self.layers}
        ordered = [by_name[n] for n in reversed(names_top_first) if n in by_name]
        rest = [layer for layer in self.layers if layer.name not in names_top_first]
        self.layers = rest + ordered
        self.layersChanged.emit()

    def move_layer(self, name: str, steps: int) -> None:
        """Move a layer ``steps`` places up (positive) or down within its group."""
        layer = self.layer(name)
        same = [lyr for lyr in self.layers if lyr.group == layer.group]
        pos = same.index(layer)
        new = max(0, min(len(same) - 1, pos + steps))
        if new == pos:
            return
        same.insert(new, same.pop(pos))
        others = iter(same)
        self.layers = [next(others) if lyr.group == layer.group else lyr for lyr in self.layers]
        self.layersChanged.emit()

    def set_group(self, name: str, group: str) -> None:
        """Move a layer to another group (on top of it)."""
        layer = self.layer(name)
        layer.group = group
        self.layers.remove(layer)
        self.layers.append(layer)
        self._sort_by_group()
        self.layersChanged.emit()

    def layers_in_group(self, group: str) -> list[MapLayer]:
        """Layers of ``group``, top first."""
        return [lyr for lyr in reversed(self.layers) if lyr.group == group]

    def set_visible(self, name: str, visible: bool) -> None:
        """Show or hide a layer."""
        layer = self.layer(name)
        if layer.visible != bool(visible):
            layer.visible = bool(visible)
            self.layerChanged.emit(name)

    def set_style(self, name: str, style: Style) -> None:
        """Give a layer a new style."""
        self.layer(name).set_style(style)
        self.layerChanged.emit(name)

    def notify_features_changed(self, name: str) -> None:
        """Announce that features of ``name`` were added, moved or removed."""
        layer = self.layer(name)
        valid = set(layer.ids.tolist())
        sel = self._selection.get(name, [])
        if any(f not in valid for f in sel):
            self._selection[name] = [f for f in sel if f in valid]
            self.selectionChanged.emit(name)
        self.layerChanged.emit(name)

    def full_extent(self) -> tuple[float, float, float, float] | None:
        """Bounds of every layer together."""
        bounds = [b for b in (lyr.extent() for lyr in self.layers) if b is not None]
        if not bounds:
            return None
        return (
            min(b[0] for b in bounds),
            min(b[1] for b in bounds),
            max(b[2] for b in bounds),
            max(b[3] for b in bounds),
        )

    # -- selection ----------------------------------------------------------
    def selection(self, name: str) -> list[int]:
        """Selected feature ids of layer ``name``."""
        return list(self._selection.get(name, []))

    def select(self, name: str, ids: Iterable[int], *, add: bool = False) -> None:
        """Select features of ``name`` (replacing the selection unless ``add``)."""
        new = [int(i) for i in ids]
        if add:
            old = self._selection.get(name, [])
            new = old + [i for i in new if i not in old]
        if new != self._selection.get(name, []):
            self._selection[name] = new
            self.selectionChanged.emit(name)

    def clear_selection(self, name: str | None = None) -> None:
        """Clear the selection of one layer, or of all layers."""
        names = [name] if name else [n for n, ids in self._selection.items() if ids]
        for n in names:
            if self._selection.get(n):
                self._selection[n] = []
                self.selectionChanged.emit(n)

    def selected_layers(self) -> list[str]:
        """Names of layers with a non-empty selection."""
        return [n for n, ids in self._selection.items() if ids]

    def _sort_by_group(self) -> None:
        rank = {g: i for i, g in enumerate(self.groups)}
        # groups are listed top first; drawing order is bottom first. Stable sort keeps order inside a group.
        self.layers.sort(key=lambda lyr: -rank.get(lyr.group, 0))
