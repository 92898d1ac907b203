"""Fixtures for the desktop-app tests: Qt offscreen and a small synthetic data set."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from map_support import SyntheticDataset  # noqa: E402


@pytest.fixture
def dataset():
    return SyntheticDataset()


@pytest.fixture
def window(qtbot, qapp, dataset):
    from capacityplanner.gui.i18n import LanguageManager
    from capacityplanner.gui.main_window import MainWindow

    languages = LanguageManager.instance(qapp)
    languages.set_language("nl")
    win = MainWindow(dataset, languages)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.canvas.zoom_full()
    yield win
    languages.set_language("nl")
