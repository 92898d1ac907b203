"""Shared set-up of the planning-view tests: the shipped data set, loaded once per session."""

from functools import cache

import numpy as np


@cache
def shipped_dataset():
    from capacityplanner.geodata.dataset import load_dataset

    return load_dataset()


def planner(qapp, *modules):
    """A main window on the shipped data with the given planning modules installed.

    Returns the window, the workspace and ``{module name: installed object}``.
    """
    import importlib

    from capacityplanner.gui.i18n import LanguageManager
    from capacityplanner.gui.main_window import MainWindow
    from capacityplanner.scenarios.workspace import Workspace

    languages = LanguageManager.instance(qapp)
    languages.set_language("nl")
    dataset = shipped_dataset()
    window = MainWindow(dataset, languages)
    workspace = Workspace(dataset)
    installed = {}
    for name in modules:
        module = importlib.import_module(f"capacityplanner.gui.{name}")
        installed[name] = module.install(window, workspace)
    window.resize(1400, 900)
    window.show()
    qapp.processEvents()
    window.canvas.zoom_full()
    return window, workspace, installed


def close_window(window):
    window.close()
    window.deleteLater()


def level_rows(workspace, year, level, **kwargs):
    """Balance rows of one level, indexed by wijknr (the reference the views must match)."""
    table = workspace.balance(year, **kwargs)
    return table[table["level"] == level].set_index("wijknr")


def inside_point(geometry):
    """A point well inside a polygon (its representative point)."""
    p = geometry.representative_point()
    return float(p.x), float(p.y)


def as_float(text):
    """A number as the interface wrote it, in any locale."""
    from PySide6.QtCore import QLocale

    value, ok = QLocale().toDouble(text)
    assert ok, text
    return value


__all__ = [
    "as_float",
    "close_window",
    "inside_point",
    "level_rows",
    "planner",
    "shipped_dataset",
    "np",
]
