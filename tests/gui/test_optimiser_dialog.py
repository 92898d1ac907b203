"""The optimiser dialog: a small plan on the map and in the plan dock; Cancel mid-solve."""

import ghent_window as fixtures
from PySide6.QtWidgets import QMessageBox

from capacityplanner.gui import optimiser_dialog

pytestmark = fixtures.needs_ghent
ghent_dataset = fixtures.ghent_dataset
ghent_window = fixtures.ghent_window
workspace = fixtures.workspace


def _dialog(window, ws):
    dialog = optimiser_dialog.install(window, ws)
    dialog.show()
    return dialog


def test_small_plan_appears_on_map_and_in_summary(ghent_window, workspace, qtbot):
    dialog = _dialog(ghent_window, workspace)
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("straight"))
    dialog.sites_spin.setValue(3)
    assert [lv for lv, box in dialog.level_checks.items() if box.isChecked()] == ["secundair"]
    assert dialog.year_spin.value() == 2024
    assert dialog.run()
    assert not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running and dialog.outcome is not None, timeout=60000)
    result = dialog.outcome.result
    assert result.status == "optimal" and result.proven_optimal
    assert 1 <= (result.sites["kind"] == "new").sum() <= 3

    model = ghent_window.map_model
    sites = model.layer("plan_sites")
    assert sites.group == "plan"
    assert set(sites.frame["site_id"]) == set(result.sites["site_id"])
    lines = model.layer("plan_allocation")
    assert lines.kind == "line" and len(lines) == len(result.allocation)
    # a line joins its demand point to the site the children go to
    first = lines.frame.iloc[0]
    site = sites.frame.set_index("site_id").reindex([first["site_id"]])
    if site.notna().all(axis=None):
        end = first.geometry.coords[-1]
        assert abs(end[0] - site["x"].iloc[0]) < 1e-6

    panel = dialog.panel
    assert dialog.dock.isVisible()
    assert panel.table.rowCount() == len(result.sites)
    text = panel.summary.toPlainText()
    assert text.startswith("Plan voor schooljaar 2024-25")  # Dutch interface
    assert "bewezen" in panel.proof.text().lower() or "proven" in panel.proof.text().lower()
    ghent_window.set_language("en")
    assert panel.summary.toPlainText().startswith("Plan for school year 2024-25")
    assert "Proven optimal" in panel.proof.text()
    assert model.layer("plan_sites").title == "Proposed sites"

    dialog.act_clear.trigger()
    assert "plan_sites" not in model


def test_cancel_mid_solve_keeps_the_ui_responsive(ghent_window, workspace, qtbot):
    dialog = _dialog(ghent_window, workspace)
    dialog.model_box.setCurrentIndex(dialog.model_box.findData("p-median"))
    for box in dialog.level_checks.values():
        box.setChecked(True)
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("straight"))
    dialog.distance_spin.setValue(4000)
    dialog.year_spin.setValue(2030)
    dialog.sites_spin.setValue(25)
    dialog.time_spin.setValue(600)
    messages = []
    dialog.worker.progress.connect(lambda _f, m: messages.append(m))
    assert dialog.run()
    qtbot.waitUntil(lambda: any("best plan" in m for m in messages), timeout=60000)
    assert dialog.running
    # the event loop turns while the solver works: the window repaints and reacts
    ghent_window.canvas.zoom_by(2.0)
    qtbot.wait(50)
    dialog.cancel_button.click()
    assert dialog.status_label.text()
    qtbot.waitUntil(lambda: not dialog.running and dialog.outcome is not None, timeout=20000)
    result = dialog.outcome.result
    assert result.status == "cancelled"
    assert not result.proven_optimal
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()
    if result.has_plan:
        assert "plan_sites" in ghent_window.map_model
    assert "geannuleerd" in dialog.panel.proof.text().lower()


def test_infeasible_plan_shows_its_explanation(ghent_window, workspace, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok
    )
    dialog = _dialog(ghent_window, workspace)
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("straight"))
    dialog.unmet_check.setChecked(False)
    dialog.budget_spin.setValue(0.1)  # EUR 100,000 cannot close a secondary shortfall
    assert dialog.run()
    qtbot.waitUntil(lambda: not dialog.running and dialog.outcome is not None, timeout=60000)
    result = dialog.outcome.result
    assert result.status == "infeasible"
    assert shown and shown[0] == result.explanation.text_nl
    assert "infeasible" not in shown[0].lower()
    assert dialog.panel.summary.toPlainText() == result.explanation.text_nl
    assert "plan_sites" not in ghent_window.map_model


def test_bad_request_gets_one_sentence(ghent_window, workspace, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok
    )
    dialog = _dialog(ghent_window, workspace)
    for box in dialog.level_checks.values():
        box.setChecked(False)
    assert not dialog.run()
    assert shown == ["Choose at least one level to plan."]
    assert dialog.run_button.isEnabled()


def test_every_string_of_the_planning_tools_has_a_dutch_text():
    """Dutch is the default interface: no English string may slip through untranslated."""
    import ast
    from pathlib import Path

    import capacityplanner.gui as gui
    from capacityplanner.gui.dict_translator import dutch_texts
    from capacityplanner.gui.optimiser_dialog import _PHRASES

    modules = (
        "optimiser_dialog",
        "plan_view",
        "editing",
        "edit_forms",
        "scenario_manager",
        "scenario_dialogs",
    )
    found = set(_PHRASES)
    for name in modules:
        tree = ast.parse((Path(gui.__file__).parent / f"{name}.py").read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            fn = node.func
            called = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
            arg = node.args[0]
            if called in ("tr", "_t", "t") and isinstance(arg, ast.Constant):
                found.add(arg.value)
    missing = sorted(found - set(dutch_texts()))
    assert len(found) > 150
    assert missing == []


def test_p_median_shortfall_limit_is_a_choice_of_the_dialog(ghent_window, workspace):
    from capacityplanner.scenarios.session import plan_problem

    dialog = _dialog(ghent_window, workspace)
    assert not dialog.shortfall_check.isEnabled()  # cover-cost has no use for it
    dialog.model_box.setCurrentIndex(dialog.model_box.findData("p-median"))
    assert dialog.shortfall_check.isEnabled() and dialog.shortfall_check.isChecked()
    assert dialog.shortfall_check.text() == "Niet meer plaatsen bouwen dan het tekort vraagt"
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("straight"))
    dialog.sites_spin.setValue(2)
    _problem, options = plan_problem(workspace, dialog.request().settings())
    assert options.model == "p-median" and options.places_within_shortfall is True
    dialog.shortfall_check.setChecked(False)
    _problem, options = plan_problem(workspace, dialog.request().settings())
    assert options.places_within_shortfall is False


def test_smallest_expansion_is_a_choice_of_the_dialog(ghent_window, workspace, qtbot):
    dialog = _dialog(ghent_window, workspace)
    label = dialog.form.labelForField(dialog.expansion_spin)
    assert label.text() == "Kleinste uitbreiding"
    assert dialog.expansion_spin.value() == 0
    assert dialog.expansion_spin.text() == "geen minimum"
    for level, box in dialog.level_checks.items():
        box.setChecked(level in ("kleuter", "lager"))
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("straight"))
    from capacityplanner.scenarios.session import solve_settings

    unlimited = solve_settings(workspace, dialog.request().settings()).expanded_sites
    assert (unlimited["places_kleuter"] + unlimited["places_lager"] < 100).any()
    dialog.expansion_spin.setValue(100)
    assert dialog.expansion_spin.text() == "100 plaatsen"
    assert dialog.request().settings()["min_expansion"] == 100
    assert dialog.run()
    qtbot.waitUntil(lambda: not dialog.running and dialog.outcome is not None, timeout=60000)
    result = dialog.outcome.result
    assert result.proven_optimal
    expanded = result.expanded_sites
    assert len(expanded) > 0
    assert (expanded["places_kleuter"] + expanded["places_lager"] >= 100 - 1e-6).all()
    assert "groeit met minstens 100 plaatsen of niet" in dialog.panel.summary.toPlainText()
    ghent_window.set_language("en")
    assert dialog.form.labelForField(dialog.expansion_spin).text() == "Smallest expansion"
    assert dialog.expansion_spin.text() == "100 places"
