"""Scenarios in the desktop app: open, new, branch, compare, delete, save, autosave, recovery.

``install(window, workspace)`` adds to the File menu *Scenarios...*
(Ctrl+O), *Save scenario* (Ctrl+S), *Save as branch...* and *Project file or
database...*, a status-bar label saying which
scenario is open and whether it has unsaved changes (also in the window title:
"... — scenario X *"), an autosave timer writing the recovery file, a recovery
offer at start, and a question before closing with unsaved edits.

Closing: the manager installs an event filter on the window that asks
:meth:`ScenarioManager.confirm_close` on every close event and ignores the
event when the user cancels; nothing needs to call it.

The project is a GeoPackage file (default ``./project.gpkg`` or
``$CAPACITYPLANNER_DB``) or a PostgreSQL URL. The setting remembers it
without the password (give the password through ``~/.pgpass`` or the URL for
the session).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox
from shiboken6 import isValid
from sqlalchemy.exc import SQLAlchemyError

from capacityplanner.errors import InputError
from capacityplanner.gui.dict_translator import ensure_translator
from capacityplanner.gui.scenario_dialogs import CompareDialog, ScenarioDialog
from capacityplanner.models.params import ForecastParams
from capacityplanner.scenarios.autosave import (
    Autosaver,
    discard_recovery,
    find_recovery,
    load_recovery,
)
from capacityplanner.scenarios.compare import compare_balance, compare_summary
from capacityplanner.scenarios.defaults import EDITABLE_LAYERS, scenario_from_dataset
from capacityplanner.scenarios.model import Scenario, ScenarioConflict
from capacityplanner.scenarios.session import run_scenario, update_scenario
from capacityplanner.scenarios.storage import mask_url, open_repository, resolve_url
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["ScenarioManager", "install"]

SETTING = "scenarios/project"
#: Name of the recovery copy of work that belongs to no scenario yet.
UNSAVED = "unsaved-work"


class ScenarioManager(QObject):
    """The open scenario of one window, its unsaved state and the project it lives in.

    Parameters
    ----------
    window : MainWindow
    workspace : Workspace
        Edited in place when a scenario is opened (every view keeps observing it).
    project : str, optional
        Project file or database URL; default: the remembered setting, else
        ``$CAPACITYPLANNER_DB`` or ``./project.gpkg``.
    autosave_s : float
        Seconds between autosaves of unsaved work (0: no timer).
    recovery_dir : str, optional
        Folder for recovery files (default: next to the project file).
    """

    def __init__(
        self,
        window,
        workspace: Workspace,
        project: str | None = None,
        autosave_s: float = 60.0,
        recovery_dir: str | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("scenario_manager")
        self.window = window
        self.workspace = workspace
        self.scenario: Scenario | None = None
        self.dirty = False
        self._loading = False
        self._closing_ok = False
        self.recovery_dir = recovery_dir
        remembered = QSettings().value(SETTING)
        self.project = project or (str(remembered) if remembered else None)
        self.project_url = resolve_url(self.project)
        self.autosaver = Autosaver(self.project_url, self.snapshot, recovery_dir=recovery_dir)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.autosave)
        if autosave_s > 0:
            self.timer.start(int(autosave_s * 1000))
        self.status_label = QLabel(window)
        self.status_label.setObjectName("scenario_status")
        self.status_label.setStyleSheet("QLabel { font-weight: bold; }")
        # permanent, so that temporary messages do not hide it; first of the permanent ones
        window.statusBar().insertPermanentWidget(0, self.status_label)
        self._make_actions()
        workspace.changed.append(self._workspace_changed)
        window.installEventFilter(self)
        if hasattr(window, "languageChanged"):
            window.languageChanged.connect(lambda _lang: self.retranslate())
        self.retranslate()

    # -- menus --------------------------------------------------------------
    def _make_actions(self) -> None:
        w = self.window
        self.act_scenarios = QAction(w, shortcut=QKeySequence("Ctrl+O"))
        self.act_scenarios.triggered.connect(self.show_dialog)
        self.act_save = QAction(w, shortcut=QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save)
        self.act_save_branch = QAction(w)
        self.act_save_branch.triggered.connect(self.save_as_branch_dialog)
        self.act_project = QAction(w)
        self.act_project.triggered.connect(self.choose_project)
        menu = getattr(w, "file_menu", None) or w.menuBar().addMenu("")
        self.menu = menu
        first = menu.actions()[0] if menu.actions() else None
        for act in (self.act_scenarios, self.act_save, self.act_save_branch, self.act_project):
            menu.insertAction(first, act)
        menu.insertSeparator(first)
        self.dialog: ScenarioDialog | None = None

    def retranslate(self) -> None:
        """Menu texts, status label and window title in the current language."""
        if not (isValid(self.window) and isValid(self.act_scenarios)):
            return  # a delayed call after the window was closed and deleted
        self.act_scenarios.setText(self.tr("Scenarios..."))
        self.act_save.setText(self.tr("Save scenario"))
        self.act_save_branch.setText(self.tr("Save as branch..."))
        self.act_project.setText(self.tr("Project file or database..."))
        self.update_title()

    def update_title(self) -> None:
        """Window title and status label: which scenario, unsaved or not."""
        base = QCoreApplication.translate("MainWindow", "Ghent capacity planner")
        if self.scenario is None:
            name = self.tr("no scenario")
            label = self.tr("No scenario open")
        else:
            name = self.tr("scenario %1").replace("%1", self.scenario.name)
            label = self.tr("Scenario: %1").replace("%1", self.scenario.name)
        if self.dirty:
            label += " — " + self.tr("unsaved changes")
        self.window.setWindowTitle(f"{base} — {name}{' *' if self.dirty else ''}")
        self.status_label.setText(label)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.window:
            etype = event.type()
            if etype == QEvent.Type.LanguageChange:
                # the window retitles itself after this filter: put ours back afterwards
                QTimer.singleShot(0, self.retranslate)
            elif etype == QEvent.Type.Close:
                if not self.confirm_close():
                    event.ignore()
                    return True
                self.timer.stop()
        return False

    # -- messages -----------------------------------------------------------
    def inform(self, text: str) -> None:
        """One sentence in a message box."""
        QMessageBox.warning(self.window, self.tr("Scenarios"), text)

    def ask_name(self, title: str, default: str) -> str | None:
        """Ask for a scenario name; None when cancelled or empty."""
        text, ok = QInputDialog.getText(
            self.window, title, self.tr("Scenario name:"), QLineEdit.EchoMode.Normal, default
        )
        text = (text or "").strip()
        return text if ok and text else None

    def _guard(self, work: Callable[[], object]) -> object | None:
        """Run ``work``; a bad name or a database error becomes a message box (None)."""
        try:
            return work()
        except ScenarioConflict:
            raise
        except InputError as exc:
            self.inform(exc.message)
        except (SQLAlchemyError, OSError) as exc:
            self.inform(
                self.tr("The project database could not be used: %1").replace(
                    "%1", str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                )
            )
        return None

    # -- project ------------------------------------------------------------
    def project_display(self) -> str:
        """The project file, or the database URL without its password."""
        if self.project_url.get_backend_name() == "sqlite":
            return str(self.project_url.database)
        return mask_url(self.project_url)

    def repository(self):
        """The open repository of the project (use as a context manager)."""
        return open_repository(self.project_url)

    def set_project(self, project: str) -> bool:
        """Use another project file or database; remember it without its password."""

        def work() -> bool:
            url = resolve_url(project)
            with open_repository(url):
                pass
            self.project, self.project_url = project, url
            self.autosaver = Autosaver(url, self.snapshot, recovery_dir=self.recovery_dir)
            stored = url.set(password=None).render_as_string(hide_password=False)
            QSettings().setValue(
                SETTING, url.database if url.get_backend_name() == "sqlite" else stored
            )
            return True

        return bool(self._guard(work))

    def choose_project(self) -> bool:
        """Ask for a project file path or a postgresql:// URL."""
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Project file or database"),
            self.tr("GeoPackage file or postgresql://user@host/database:"),
            QLineEdit.EchoMode.Normal,
            self.project_display(),
        )
        return bool(ok and text.strip() and self.set_project(text.strip()))

    def list(self):
        """Catalogue entries of the project's scenarios (empty on error)."""

        def work():
            with self.repository() as repo:
                return repo.list()

        return self._guard(work) or []

    # -- state --------------------------------------------------------------
    def _workspace_changed(self, _what: str) -> None:
        if self._loading:
            return
        self.dirty = True
        try:
            self.update_title()
        except RuntimeError:  # the window is gone
            self.workspace.changed.remove(self._workspace_changed)

    def edited_layers(self) -> tuple[str, ...]:
        """Layers of the workspace that differ from the data set's, plus the editable ones."""
        data = self.workspace.dataset.layers
        names = [n for n, f in self.workspace.layers.items() if data.get(n) is not f]
        return tuple(dict.fromkeys([*EDITABLE_LAYERS, *names]))

    def _with_workspace(self, scenario: Scenario) -> Scenario:
        update_scenario(scenario, self.workspace, tuple(
            n for n in self.edited_layers() if n in self.workspace.layers
        ))  # fmt: skip
        return scenario

    def snapshot(self) -> Scenario | None:
        """The current work as a scenario copy (for autosave); None when nothing is unsaved."""
        if not self.dirty:
            return None
        base = (
            self.scenario.copy()
            if self.scenario is not None
            else scenario_from_dataset(UNSAVED, self.workspace.dataset)
        )
        return self._with_workspace(base)

    def _results(self, scenario: Scenario) -> Scenario:
        """Forecast and balance results of ``scenario`` (what compare reads)."""
        plan = {k: v for k, v in scenario.results.items() if k.startswith("plan_")}
        run_scenario(scenario, self.workspace.dataset, plan=False)
        scenario.results.update(plan)
        return scenario

    def _apply(self, scenario: Scenario) -> None:
        """Make the workspace hold ``scenario``'s parameters, layers and capacity changes."""
        ws, data = self.workspace, self.workspace.dataset
        params = ForecastParams.from_dict(
            scenario.params.get("forecast", {}), source=f"Scenario {scenario.name!r}"
        )
        self._loading = True
        try:
            ws.set_params(params)
            for name in list(ws.layers):
                if (
                    name not in scenario.layers
                    and name in data.layers
                    and ws.layers[name] is not data.layers[name]
                ):
                    ws.set_layer(name, data.layers[name])
            for name, layer in scenario.layers.items():
                ws.set_layer(name, layer)
            if len(scenario.capacity_changes.columns):
                ws.set_capacity_changes(scenario.capacity_changes.copy())
            ws.scenario_name = scenario.name
        finally:
            self._loading = False
        editor = self.window.findChild(QObject, "edit_controller")
        if editor is not None:
            editor.undo_stack.clear()  # undo does not reach across scenarios
        self.scenario = scenario
        self.dirty = False
        self.update_title()

    def _saved(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.workspace.scenario_name = scenario.name
        self.dirty = False
        try:
            self.autosaver.saved(scenario)
            self.autosaver.saved(UNSAVED)
        except Exception:  # noqa: BLE001 - a stale recovery copy never blocks a save
            pass
        self.update_title()

    # -- operations ---------------------------------------------------------
    def new_from_current(self, name: str) -> bool:
        """Save the current state as a new scenario ``name`` and make it the open one."""

        def work() -> bool:
            scenario = self._results(self._with_workspace(
                scenario_from_dataset(name, self.workspace.dataset)
            ))  # fmt: skip
            with self.repository() as repo:
                repo.save(scenario, expected_version=0)
            self._saved(scenario)
            return True

        try:
            return bool(self._guard(work))
        except ScenarioConflict as exc:
            self.inform(exc.message)
            return False

    def save(self) -> bool:
        """Save the open scenario (asks a name when none is open); offers a branch on conflict."""
        if self.scenario is None:
            name = self.ask_name(self.tr("Save scenario"), "")
            return bool(name) and self.new_from_current(name)
        scenario = self.scenario.copy()

        def work() -> bool:
            self._results(self._with_workspace(scenario))
            with self.repository() as repo:
                repo.save(scenario)
            self._saved(scenario)
            return True

        try:
            return bool(self._guard(work))
        except ScenarioConflict as exc:
            return self._offer_branch(scenario, exc)

    def _offer_branch(self, scenario: Scenario, exc: ScenarioConflict) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Scenario changed by someone else"),
            exc.message + "\n\n" + self.tr("Save your version as a new branch?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        name = self.ask_name(self.tr("Save as branch"), f"{scenario.name} - {scenario.author}")
        return bool(name) and self._save_branch(scenario, name)

    def _save_branch(self, scenario: Scenario, name: str) -> bool:
        def work() -> bool:
            with self.repository() as repo:
                branch = repo.save_as_branch(scenario, name)
            self._saved(branch)
            return True

        try:
            return bool(self._guard(work))
        except ScenarioConflict as exc:
            self.inform(exc.message)
            return False

    def save_as_branch_dialog(self) -> bool:
        """Save the current state as a branch of the open scenario under a new name."""
        if self.scenario is None:
            return self.save()
        name = self.ask_name(self.tr("Save as branch"), f"{self.scenario.name} - variant")
        if not name:
            return False
        scenario = self.scenario.copy()
        try:
            self._results(self._with_workspace(scenario))
        except InputError as exc:
            self.inform(exc.message)
            return False
        return self._save_branch(scenario, name)

    def open(self, name: str) -> bool:
        """Open scenario ``name`` (asks first when there are unsaved edits)."""
        if not self._may_leave():
            return False

        def work() -> bool:
            with self.repository() as repo:
                scenario = repo.load(name)
            self._apply(scenario)
            return True

        return bool(self._guard(work))

    def branch(self, source: str, name: str) -> bool:
        """Copy the saved scenario ``source`` to a new one, ``name``."""

        def work() -> bool:
            with self.repository() as repo:
                repo.branch(source, name)
            return True

        try:
            return bool(self._guard(work))
        except ScenarioConflict as exc:
            self.inform(exc.message)
            return False

    def delete(self, name: str, confirm: bool = True) -> bool:
        """Delete scenario ``name`` from the project (asks first)."""
        if confirm:
            answer = QMessageBox.question(
                self.window,
                self.tr("Delete scenario"),
                self.tr("Delete scenario %1 from the project? This cannot be undone.").replace(
                    "%1", name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False

        def work() -> bool:
            with self.repository() as repo:
                repo.delete(name)
            if self.scenario is not None and self.scenario.name == name:
                self.scenario = None  # the work stays in the workspace, unsaved
                self.dirty = True
                self.update_title()
            return True

        return bool(self._guard(work))

    def compare(self, names: list[str], year: int | None = None):
        """(headline figures, balance per wijk) of the stored scenarios ``names`` for ``year``."""
        year = year or self.compare_year()

        def work():
            with self.repository() as repo:
                scenarios = [repo.load(n) for n in names]
            for sc in scenarios:
                if "balance" not in sc.results:
                    self._results(sc)
            in_year = []
            for sc in scenarios:
                bal = sc.results["balance"]
                results = dict(sc.results, balance=bal[bal["year"] == year])
                in_year.append(Scenario(name=sc.name, results=results))
            return compare_summary(in_year), compare_balance(scenarios, year=year)

        return self._guard(work)

    def show_difference_map(self, balance_table, names: list[str], level: str, year: int) -> None:
        """The difference map of the second scenario against the first."""
        from capacityplanner.gui.difference_map import difference_layer, show_difference
        from capacityplanner.scenarios.compare import balance_difference

        def work():
            diff = balance_difference(balance_table, level, names[0], names[1], year)
            layer = difference_layer(
                self.workspace.layers["wijken"], diff, level, year, names[0], names[1]
            )
            show_difference(self.window, layer)
            return layer

        return self._guard(work)

    def compare_year(self) -> int:
        """The school year the planning views look at, else the forecast's base year."""
        state = self.window.findChild(QObject, "planning_state")
        return int(getattr(state, "year", 0) or self.workspace.params.base_year)

    def show_compare(
        self, names: list[str], parent=None, year: int | None = None
    ) -> CompareDialog | None:
        """Open the comparison of ``names`` (school year ``year``, changeable in the dialog)."""
        year = year or self.compare_year()
        tables = self.compare(names, year)
        if tables is None:
            return None
        dialog = CompareDialog(
            names,
            *tables,
            parent=parent or self.window,
            year=year,
            recompute=lambda y: self.compare(names, y),
            show_map=lambda table, level, y: self.show_difference_map(table, names, level, y),
        )
        dialog.show()
        return dialog

    def show_dialog(self) -> ScenarioDialog:
        """The scenario list."""
        if self.dialog is None:
            self.dialog = ScenarioDialog(self, self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    # -- autosave, recovery, closing ----------------------------------------
    def autosave(self) -> bool:
        """Write unsaved work to the recovery file; True when something was written."""
        if not self.dirty:
            return False
        try:
            return self.autosaver.save_now()
        except Exception as exc:  # noqa: BLE001 - autosave never interrupts the work
            self.window.statusBar().showMessage(
                self.tr("Autosave failed: %1").replace("%1", str(exc)), 8000
            )
            return False

    def offer_recovery(self) -> bool:
        """If a crash left unsaved work of this project, offer to bring it back."""
        try:
            entries = find_recovery(self.project_url, self.autosaver.path.parent)
        except Exception:  # noqa: BLE001 - an unreadable recovery file is no reason to stop
            return False
        if not entries:
            return False
        entry = max(entries, key=lambda e: e.saved_at)
        when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self.window,
            self.tr("Recover unsaved work"),
            self.tr("Unsaved work of scenario %1 from %2 was found. Recover it?")
            .replace("%1", entry.scenario)
            .replace("%2", when),
        )
        if answer != QMessageBox.StandardButton.Yes:
            discard_recovery(self.project_url, None, self.autosaver.path.parent)
            return False
        scenario = load_recovery(entry)
        self._apply(scenario)
        if scenario.name == UNSAVED:
            self.scenario = None
        self.dirty = True
        self.update_title()
        return True

    def _may_leave(self) -> bool:
        """Ask what to do with unsaved edits; False when the user cancels."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("The current scenario has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def confirm_close(self) -> bool:
        """True when the window may close (saved, or the user chose to discard)."""
        if not self._may_leave():
            return False
        if self.dirty:  # discarded: the recovery copy goes too
            try:
                discard_recovery(self.project_url, None, self.autosaver.path.parent)
            except Exception:  # noqa: BLE001
                pass
        return True


def install(window, workspace: Workspace, project: str | None = None) -> ScenarioManager:
    """Add scenario management to ``window`` and offer recovery of unsaved work.

    Returns
    -------
    ScenarioManager
        Its event filter asks before the window closes with unsaved edits.
    """
    ensure_translator()
    manager = ScenarioManager(window, workspace, project)
    QTimer.singleShot(0, manager.offer_recovery)
    return manager
