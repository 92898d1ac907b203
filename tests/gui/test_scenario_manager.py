"""Scenario manager: new, branch, edit, save, compare; conflict; closing; autosave and recovery."""

import ghent_window as fixtures
import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from capacityplanner.gui import editing, scenario_manager
from capacityplanner.scenarios.storage import open_repository

pytestmark = fixtures.needs_ghent
ghent_dataset = fixtures.ghent_dataset
ghent_window = fixtures.ghent_window
workspace = fixtures.workspace


@pytest.fixture
def tools(ghent_window, workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(scenario_manager.QSettings, "value", lambda *a, **k: None)
    monkeypatch.setattr(scenario_manager.QSettings, "setValue", lambda *a, **k: None)
    project = str(tmp_path / "project.gpkg")
    manager = scenario_manager.ScenarioManager(ghent_window, workspace, project, autosave_s=0)
    editor = editing.install(ghent_window, workspace)
    yield manager, editor, project
    manager.dirty = False  # the window closes at teardown without asking


def raise_school(editor, workspace, places=200):
    site = workspace.layers["scholen_basis"]["site_id"].iloc[3]
    editor.change_capacity(site, "scholen_basis", "lager", places, 2026)
    return site


def test_new_branch_edit_save_and_compare(tools, ghent_window, workspace):
    manager, editor, project = tools
    assert manager.new_from_current("basis")
    assert ghent_window.windowTitle().endswith("scenario basis")
    assert manager.branch("basis", "school +200")
    assert manager.open("school +200")
    assert "school +200" in manager.status_label.text()

    site = raise_school(editor, workspace)
    assert manager.dirty and ghent_window.windowTitle().endswith("scenario school +200 *")
    assert "niet-bewaarde" in manager.status_label.text()
    assert manager.save()
    assert not manager.dirty and not ghent_window.windowTitle().endswith("*")
    with open_repository(project) as repo:
        stored = repo.load("school +200")
    assert stored.version == 2 and stored.parent == "basis"
    assert site in set(stored.capacity_changes["site_id"])

    summary, balance = manager.compare(["basis", "school +200"], year=2026)
    diff = summary["school +200 - basis"]
    assert diff.loc["citywide shortfall basis"] == pytest.approx(-200)
    assert diff.loc["citywide shortfall lager"] == pytest.approx(-200)
    wijk = int(workspace.layers["scholen_basis"]["wijknr"].iloc[3])
    lager = balance.xs("lager", level="level")[("balance", "school +200 - basis")]
    # the school's wijk gains most; pupils from outside Ghent spread over all schools
    assert lager.abs().idxmax() == (wijk, 2026)
    assert abs(lager.sum()) == pytest.approx(200)
    others = balance.xs("kinderopvang", level="level")
    assert (others[("balance", "school +200 - basis")] == 0).all()

    dialog = manager.show_compare(["basis", "school +200"])
    assert dialog.summary_view.model().rowCount() == len(summary)
    # the difference map: the school's wijk is green (more spare places), others unchanged
    dialog.set_year(2026)
    dialog.map_level.setCurrentIndex(dialog.map_level.findData("lager"))
    dialog.map_button.click()
    layer = ghent_window.map_model.layer("verschil_scenarios")
    values = layer.frame.set_index("wijknr")["difference"]
    assert values.idxmax() == wijk and values.max() > 150
    assert values.drop(wijk).abs().max() < 20
    dialog.close()

    # opening the base scenario puts its capacity back
    assert manager.open("basis")
    assert site not in set(workspace.capacity_changes["site_id"].iloc[-3:])
    assert not editor.undo_stack.canUndo()


def test_conflict_on_save_offers_a_branch(tools, workspace, monkeypatch):
    manager, editor, project = tools
    assert manager.new_from_current("gedeeld")
    with open_repository(project, author="collega") as repo:  # someone else saves meanwhile
        theirs = repo.load("gedeeld")
        theirs.notes = "their change"
        repo.save(theirs)
    raise_school(editor, workspace)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("gedeeld - mijn versie", True))
    assert manager.save()
    assert asked and "collega" in asked[0] and "aftakking" in asked[0]
    assert manager.scenario.name == "gedeeld - mijn versie" and not manager.dirty
    with open_repository(project) as repo:
        mine = repo.load("gedeeld - mijn versie")
        assert mine.parent == "gedeeld"
        assert repo.load("gedeeld").notes == "their change"  # nothing overwritten
    assert len(mine.capacity_changes) == len(workspace.capacity_changes)


def test_closing_with_unsaved_edits_asks_first(tools, ghent_window, workspace, monkeypatch):
    manager, editor, _project = tools
    raise_school(editor, workspace)
    answers = [QMessageBox.StandardButton.Cancel]
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return answers[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not ghent_window.close()
    assert ghent_window.isVisible() and len(asked) == 1
    answers[0] = QMessageBox.StandardButton.Discard
    assert ghent_window.close()
    assert len(asked) == 2


def test_autosave_and_recovery_at_start(tools, ghent_window, workspace, monkeypatch, qtbot):
    manager, editor, project = tools
    assert not manager.autosave()  # nothing unsaved yet
    site = raise_school(editor, workspace, places=150)
    assert site in set(workspace.capacity_changes["site_id"])
    assert manager.autosave()
    assert manager.autosaver.path.exists()

    # a new session on the same project, after a crash
    from capacityplanner.scenarios.workspace import Workspace

    fresh = Workspace(workspace.dataset)
    n_before = len(fresh.capacity_changes)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    other = scenario_manager.ScenarioManager(ghent_window, fresh, project, autosave_s=0)
    assert other.offer_recovery()
    assert len(fresh.capacity_changes) == n_before + 1
    assert fresh.capacity_changes.iloc[-1]["places"] == 150
    assert other.dirty and other.scenario is None


def test_database_error_is_one_sentence(tools, monkeypatch):
    manager, _editor, _project = tools
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not manager.set_project("mysql://someone@host/db")
    assert len(shown) == 1 and "postgresql" in shown[0]
    assert not manager.new_from_current("")  # an empty name
    assert len(shown) == 2
