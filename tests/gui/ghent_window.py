"""Fixtures for the planning-tool tests: the shipped Ghent data set in a main window.

Import the fixtures into a test module (``from ghent_window import ghent_dataset, ghent_window``).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from capacityplanner import paths  # noqa: E402

needs_ghent = pytest.mark.skipif(
    not paths.GHENT_GPKG.exists(), reason="resources/ghent.gpkg not built"
)


@pytest.fixture(scope="session")
def ghent_dataset():
    from capacityplanner.geodata.dataset import load_dataset

    return load_dataset()


@pytest.fixture
def workspace(ghent_dataset):
    from capacityplanner.scenarios.workspace import Workspace

    return Workspace(ghent_dataset)


@pytest.fixture
def ghent_window(qtbot, qapp, ghent_dataset, monkeypatch, tmp_path):
    from capacityplanner.gui.i18n import LanguageManager
    from capacityplanner.gui.main_window import MainWindow

    monkeypatch.chdir(tmp_path)  # a default ./project.gpkg lands in the test's folder
    monkeypatch.setenv("CAPACITYPLANNER_CACHE_DIR", str(tmp_path / "cache"))
    languages = LanguageManager.instance(qapp)
    languages.set_language("nl")
    win = MainWindow(ghent_dataset, languages)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.canvas.zoom_full()
    yield win
    languages.set_language("nl")
