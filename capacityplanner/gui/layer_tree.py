"""The layer tree: groups, visibility, order, style and legend of each layer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.gui.dict_translator import layer_description
from capacityplanner.render.defaults import GROUP_TITLES
from capacityplanner.render.legend import layer_title, legend_entries, symbol_image
from capacityplanner.render.map_model import MapModel

__all__ = ["LayerTree"]

ROLE_KIND = Qt.ItemDataRole.UserRole + 1  # "group", "layer" or "legend"
ROLE_NAME = Qt.ItemDataRole.UserRole + 2  # group key or layer name
ILLUSTRATIVE_COLOR = "#9a5b00"


def group_title(key: str) -> str:
    """Translated title of a layer-tree group."""
    return QCoreApplication.translate("Layers", GROUP_TITLES[key]) if key in GROUP_TITLES else key


class _Tree(QTreeWidget):
    """Tree that reports the new order after an internal drag and drop."""

    dropped = Signal()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        super().dropEvent(event)
        # let the view finish the move before the tree is rebuilt from the model
        QTimer.singleShot(0, self.dropped.emit)


class LayerTree(QWidget):
    """Groups of layers with a visibility box, legend rows and order controls.

    Signals
    -------
    currentLayerChanged(str)
        The user picked a layer (empty string for none).
    zoomToLayerRequested(str)
        "Zoom to layer" from the context menu.
    styleRequested(str)
        "Style..." from the context menu or the button.
    """

    currentLayerChanged = Signal(str)
    zoomToLayerRequested = Signal(str)
    styleRequested = Signal(str)

    def __init__(self, model: MapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tree = _Tree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setIndentation(14)
        self.tree.invisibleRootItem().setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.up = QToolButton(self)
        self.down = QToolButton(self)
        self.style_button = QToolButton(self)
        self.up.setArrowType(Qt.ArrowType.UpArrow)
        self.down.setArrowType(Qt.ArrowType.DownArrow)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.up, self.down, self.style_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self._building = False
        self.up.clicked.connect(lambda: self._move(1))
        self.down.clicked.connect(lambda: self._move(-1))
        self.style_button.clicked.connect(
            lambda: self.current_layer() and self.styleRequested.emit(self.current_layer())
        )
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.dropped.connect(self._apply_tree_order)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        model.layersChanged.connect(self.rebuild)
        model.layerChanged.connect(self._layer_changed)
        self.retranslate()
        self.rebuild()

    # -- public -------------------------------------------------------------
    def current_layer(self) -> str:
        """Name of the selected layer (or of the layer owning a selected legend row)."""
        item = self.tree.currentItem()
        while item is not None and item.data(0, ROLE_KIND) == "legend":
            item = item.parent()
        if item is not None and item.data(0, ROLE_KIND) == "layer":
            return item.data(0, ROLE_NAME)
        return ""

    def set_current_layer(self, name: str) -> None:
        """Select layer ``name`` in the tree."""
        item = self.layer_item(name)
        if item is not None:
            self.tree.setCurrentItem(item)

    def layer_item(self, name: str) -> QTreeWidgetItem | None:
        """The tree item of layer ``name``."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                if group.child(i).data(0, ROLE_NAME) == name:
                    return group.child(i)
        return None

    def names_top_first(self) -> list[str]:
        """Layer names in tree order (top first)."""
        names = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            names += [group.child(i).data(0, ROLE_NAME) for i in range(group.childCount())]
        return names

    def rebuild(self) -> None:
        """Recreate the items from the model, keeping expansion and the current layer."""
        current = self.current_layer()
        collapsed = {
            self.tree.topLevelItem(g).data(0, ROLE_NAME)
            for g in range(self.tree.topLevelItemCount())
            if not self.tree.topLevelItem(g).isExpanded()
        }
        expanded_layers = {
            n for n in self.names_top_first() if (it := self.layer_item(n)) and it.isExpanded()
        }
        first = self.tree.topLevelItemCount() == 0
        self._building = True
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for key in self.model.groups:
            layers = self.model.layers_in_group(key)
            group = QTreeWidgetItem(self.tree, [group_title(key)])
            group.setData(0, ROLE_KIND, "group")
            group.setData(0, ROLE_NAME, key)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
            for layer in layers:
                item = QTreeWidgetItem(group)
                item.setData(0, ROLE_KIND, "layer")
                item.setData(0, ROLE_NAME, layer.name)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                self._fill_layer_item(item, layer)
                if item.childCount():
                    item.setExpanded(
                        layer.name in expanded_layers
                        or (first and layer.visible and layer.kind == "point")
                    )
            group.setExpanded(key not in collapsed)
        self._building = False
        if current:
            self.set_current_layer(current)

    def _fill_layer_item(self, item: QTreeWidgetItem, layer) -> None:
        """Title, check box, tooltip, icon and legend rows of a layer item."""
        was_building, self._building = self._building, True
        item.setText(0, layer_title(layer))
        item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
        tip = layer_description(layer.description)
        if layer.illustrative:
            font = QFont(self.font())
            font.setItalic(True)
            item.setFont(0, font)
            item.setForeground(0, QBrush(QColor(ILLUSTRATIVE_COLOR)))
            notice = self.tr("Illustrative data: generated, not real locations or capacities.")
            tip = f"{tip}\n{notice}" if tip else notice
        item.setToolTip(0, tip)
        item.takeChildren()
        entries = legend_entries(layer)
        if len(entries) == 1 and not entries[0].label:
            item.setIcon(
                0, QIcon(QPixmap.fromImage(symbol_image(entries[0].symbol, entries[0].kind)))
            )
        else:
            item.setIcon(0, QIcon())
            for entry in entries:
                row = QTreeWidgetItem(item, [entry.label])
                row.setData(0, ROLE_KIND, "legend")
                row.setFlags(Qt.ItemFlag.ItemIsEnabled)
                row.setIcon(0, QIcon(QPixmap.fromImage(symbol_image(entry.symbol, entry.kind))))
        self._building = was_building

    def _layer_changed(self, name: str) -> None:
        """Update one layer's item in place (visibility, style, legend)."""
        item = self.layer_item(name)
        if item is None or name not in self.model:
            self.rebuild()
            return
        self._fill_layer_item(item, self.model.layer(name))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.up.setToolTip(self.tr("Move layer up"))
        self.down.setToolTip(self.tr("Move layer down"))
        self.style_button.setText(self.tr("Style…"))
        self.style_button.setToolTip(self.tr("Change the style of the selected layer"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.rebuild()
        super().changeEvent(event)

    # -- internals ----------------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._building or item.data(0, ROLE_KIND) != "layer":
            return
        self.model.set_visible(item.data(0, ROLE_NAME), item.checkState(0) == Qt.CheckState.Checked)

    def _current_changed(self, *_args) -> None:
        if not self._building:
            self.currentLayerChanged.emit(self.current_layer())

    def _move(self, steps: int) -> None:
        name = self.current_layer()
        if name:
            self.model.move_layer(name, steps)

    def _apply_tree_order(self) -> None:
        """After a drag and drop: groups and order as the tree shows them."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                name = group.child(i).data(0, ROLE_NAME)
                if name in self.model:
                    self.model.layer(name).group = group.data(0, ROLE_NAME)
        self.model.set_order(self.names_top_first())

    def _context_menu(self, pos) -> None:
        name = self.current_layer()
        if not name:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Zoom to layer"), lambda: self.zoomToLayerRequested.emit(name))
        menu.addAction(self.tr("Style…"), lambda: self.styleRequested.emit(name))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
