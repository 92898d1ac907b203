"""Find a street or a wijk by name and zoom to it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from capacityplanner.render.map_model import MapModel

__all__ = ["FindBox", "FindIndex", "Place"]

#: Searchable (layer, name field) pairs.
SOURCES = (("wijken", "wijk"), ("wegen", "straatnaam"))


@dataclass(frozen=True)
class Place:
    """A named place: every feature of ``layer`` whose ``field`` equals ``name``."""

    layer: str
    field: str
    name: str
    ids: tuple[int, ...]


class FindIndex:
    """Names of wijken and streets with the features that carry them.

    Examples
    --------
    >>> idx = FindIndex.from_model(model)            # doctest: +SKIP
    >>> idx.lookup("Korenmarkt").layer               # doctest: +SKIP
    'wegen'
    """

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self._by_key = {p.name.casefold(): p for p in reversed(places)}

    @classmethod
    def from_model(cls, model: MapModel) -> FindIndex:
        """Index the wijk names and street names present in ``model``."""
        places: list[Place] = []
        for layer_name, field in SOURCES:
            if layer_name not in model or field not in model.layer(layer_name).frame.columns:
                continue
            names = model.layer(layer_name).frame[field]
            names = names[names.notna()].astype(str).str.strip()
            names = names[names != ""]
            codes, uniques = pd.factorize(names, sort=True)
            order = np.argsort(codes, kind="stable")
            ids = names.index.to_numpy()[order]
            bounds = np.cumsum(np.bincount(codes, minlength=len(uniques)))[:-1]
            places += [
                Place(layer_name, field, str(n), tuple(g.tolist()))
                for n, g in zip(uniques, np.split(ids, bounds), strict=True)
            ]
        return cls(places)

    def names(self) -> list[str]:
        """All names, wijken first, then streets (each alphabetically)."""
        return [p.name for p in self.places]

    def lookup(self, text: str) -> Place | None:
        """The place named ``text`` (case-insensitive), or the first starting with it."""
        key = text.strip().casefold()
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        return next((p for p in self.places if p.name.casefold().startswith(key)), None)


class FindBox(QLineEdit):
    """A search field with completion over street and wijk names.

    Signals
    -------
    placeFound(str, list)
        Layer name and the feature ids of the place found.
    notFound(str)
        The text matched no name.
    """

    placeFound = Signal(str, list)
    notFound = Signal(str)

    def __init__(self, model: MapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.index = FindIndex([])
        self._names = QStringListModel(self)
        self.completer_ = QCompleter(self._names, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setMaxVisibleItems(15)
        self.setCompleter(self.completer_)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(240)
        self.completer_.activated.connect(self.find)
        self.returnPressed.connect(lambda: self.find(self.text()))
        # the names are read when first needed (typing or a lookup), not at start-up and not
        # on every layer change: the street index takes a noticeable moment to build
        self._stale = True
        model.layersChanged.connect(self._mark_stale)
        self.retranslate()

    def _mark_stale(self) -> None:
        self._stale = True

    def refresh(self) -> None:
        """Re-read the names from the model."""
        self.index = FindIndex.from_model(self.model)
        self._names.setStringList(self.index.names())
        self._stale = False

    def ensure_index(self) -> None:
        """Build the name index if the layers changed since it was built."""
        if self._stale:
            self.refresh()

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.ensure_index()
        super().focusInEvent(event)

    def find(self, text: str) -> Place | None:
        """Look ``text`` up and announce the result."""
        self.ensure_index()
        place = self.index.lookup(text)
        if place is None:
            self.notFound.emit(text)
            return None
        self.placeFound.emit(place.layer, list(place.ids))
        return place

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.setPlaceholderText(self.tr("Find a street or wijk…"))
        self.setToolTip(self.tr("Type a street name or a wijk name and press Enter"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
