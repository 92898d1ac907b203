"""The optimiser dialog: choose the model and its limits, run it, see the plan.

``install(window, workspace)`` adds a *Plan* menu (Propose sites..., Clear the
plan from the map), the dialog and a *Plan* dock with the summary, the proof
of optimality and the sites. The solve runs off the UI thread
(:class:`~capacityplanner.gui.optimiser_worker.PlanWorker`); Cancel stops it
within about a second and keeps the best plan found so far.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.errors import InputError
from capacityplanner.gui.dict_translator import ensure_translator
from capacityplanner.gui.optimiser_worker import (
    CANDIDATE_LAYER,
    PlanOutcome,
    PlanRequest,
    PlanWorker,
)
from capacityplanner.gui.plan_view import PLAN_LAYERS, PlanResultsPanel, plan_layers
from capacityplanner.models.levels import BASE_LEVELS
from capacityplanner.models.optimise import MODELS
from capacityplanner.scenarios.session import plan_tables
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["OptimiserDialog", "install"]

#: Phrases of the solver's progress messages, translated in the dialog.
_PHRASES = (
    "building the planning model",
    "explaining why no plan exists",
    "plan ready",
    "least-cost plan",
    "shortest travel",
    "most children served",
    "fewest new sites",
    "least cost",
    "placing children",
    "searching for a first plan",
    "best plan",
    "bound",
    "gap",
    "step",
)


class OptimiserDialog(QDialog):
    """Choose a planning model and its limits, run it and put the plan on the map.

    Parameters
    ----------
    window : MainWindow
        Where the plan layers (``window.map_model``) and messages go.
    workspace : Workspace
        The data, parameters and edits to plan on.

    Signals
    -------
    planReady(object)
        A :class:`~capacityplanner.gui.optimiser_worker.PlanOutcome` with a result.
    """

    planReady = Signal(object)

    def __init__(self, window, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("optimiser_dialog")
        self.window_ = window
        self.workspace = workspace
        self.worker = PlanWorker(self)
        self.outcome: PlanOutcome | None = None
        self.menu = self.act_propose = self.act_clear = self.dock = None
        self._last_message = ""
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._build()
        self.retranslate()
        self._model_changed()

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.model_box = QComboBox(self)
        for model in MODELS:
            self.model_box.addItem(model, model)
        self.model_box.currentIndexChanged.connect(self._model_changed)
        self.level_group = QGroupBox(self)
        grid = QGridLayout(self.level_group)
        self.level_checks: dict[str, QCheckBox] = {}
        for i, level in enumerate(BASE_LEVELS):
            box = QCheckBox(level, self.level_group)
            box.setChecked(level == "secundair")
            self.level_checks[level] = box
            grid.addWidget(box, i // 3, i % 3)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(self.workspace.params.base_year - 1, self.workspace.params.end_year)
        self.year_spin.setValue(max(2024, self.workspace.params.base_year - 1))
        self.distance_spin = QSpinBox(self)
        self.distance_spin.setRange(0, 30000)
        self.distance_spin.setSingleStep(250)
        self.distance_spin.setSuffix(" m")
        self.budget_spin = QDoubleSpinBox(self)
        self.budget_spin.setRange(0.0, 5000.0)
        self.budget_spin.setDecimals(1)
        self.budget_spin.setSingleStep(5.0)
        self.sites_spin = QSpinBox(self)
        self.sites_spin.setRange(0, 100)
        self.saving_spin = QSpinBox(self)
        self.saving_spin.setRange(0, 95)
        self.saving_spin.setValue(25)
        self.saving_spin.setSuffix(" %")
        self.expansion_spin = QSpinBox(self)
        self.expansion_spin.setRange(0, 1000)
        self.expansion_spin.setSingleStep(6)
        self.brede_check = QCheckBox(self)
        self.bso_check = QCheckBox(self)
        self.unmet_check = QCheckBox(self)
        self.unmet_check.setChecked(True)
        self.shortfall_check = QCheckBox(self)
        self.shortfall_check.setChecked(True)
        self.mode_box = QComboBox(self)
        self.mode_box.addItem("network", "network")
        self.mode_box.addItem("straight", "straight")
        self.candidate_box = QComboBox(self)
        self.time_spin = QSpinBox(self)
        self.time_spin.setRange(5, 3600)
        self.time_spin.setValue(120)
        self.time_spin.setSuffix(" s")

        self.form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(12)]
        rows = [
            self.model_box,
            self.level_group,
            self.year_spin,
            self.distance_spin,
            self.mode_box,
            self.budget_spin,
            self.sites_spin,
            self.saving_spin,
            self.expansion_spin,
            self.candidate_box,
            self.time_spin,
        ]
        for label, widget in zip(self.form_labels, rows, strict=False):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        for box in (self.brede_check, self.bso_check, self.unmet_check, self.shortfall_check):
            self.form.addRow("", box)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.run_button = QPushButton(self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.run_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def refresh_candidate_layers(self) -> None:
        """List the workspace's point layers that can serve as candidate sites."""
        current = self.candidate_box.currentData() or CANDIDATE_LAYER
        self.candidate_box.clear()
        for name, frame in self.workspace.layers.items():
            columns = set(getattr(frame, "columns", []))
            if "site_id" in columns and any(str(c).startswith("max_") for c in columns):
                self.candidate_box.addItem(name, name)
        index = self.candidate_box.findData(current)
        self.candidate_box.setCurrentIndex(max(index, 0))

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh_candidate_layers()
        super().showEvent(event)

    # -- language -----------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text of the dialog in the current language."""
        self.setWindowTitle(self.tr("Propose sites"))
        labels = [
            self.tr("Model"),
            self.tr("Levels"),
            self.tr("Target school year"),
            self.tr("Maximum distance"),
            self.tr("Distance"),
            self.tr("Budget (million EUR)"),
            self.tr("New sites"),
            self.tr("Brede-site saving"),
            self.tr("Smallest expansion"),
            self.tr("Candidate sites"),
            self.tr("Time limit"),
        ]
        for label, text in zip(self.form_labels, labels, strict=False):
            label.setText(text)
        models = {
            "cover-cost": self.tr("Close the shortfall at least cost"),
            "p-median": self.tr("Shortest travel with a fixed number of new sites"),
            "max-cover": self.tr("Serve the most children within a budget"),
            "min-sites": self.tr("Fewest new sites that close the shortfall"),
        }
        for i in range(self.model_box.count()):
            key = self.model_box.itemData(i)
            self.model_box.setItemText(i, f"{models[key]} ({key})")
        levels = {
            "kinderopvang": self.tr("Childcare (kinderopvang)"),
            "kleuter": self.tr("Nursery (kleuter)"),
            "lager": self.tr("Primary (lager)"),
            "secundair": self.tr("Secondary (secundair)"),
            "bso": self.tr("Out-of-school care (bso)"),
            "jeugd": self.tr("Youth work (jeugd)"),
        }
        for level, box in self.level_checks.items():
            box.setText(levels.get(level, level))
        self.mode_box.setItemText(0, self.tr("Along the streets"))
        self.mode_box.setItemText(1, self.tr("Straight line x detour factor (fast)"))
        self.distance_spin.setSpecialValueText(self.tr("default per level"))
        self.budget_spin.setSpecialValueText(self.tr("no limit"))
        self.sites_spin.setSpecialValueText(self.tr("no limit"))
        self.expansion_spin.setSpecialValueText(self.tr("no minimum"))
        self.expansion_spin.setSuffix(" " + self.tr("places"))
        self.expansion_spin.setToolTip(
            self.tr("An existing site grows by at least this many places, or not at all")
        )
        self.brede_check.setText(self.tr("Every new site is a brede site (city standard)"))
        self.bso_check.setText(self.tr("Every new basis school gets out-of-school care"))
        self.unmet_check.setText(self.tr("Leave unreachable children unserved instead of failing"))
        self.shortfall_check.setText(self.tr("Build no more places than the shortfall needs"))
        self.shortfall_check.setToolTip(
            self.tr(
                "Shortest travel: places beyond the shortfall are built only where children "
                "would otherwise get no place or a new site needs its minimum size"
            )
        )
        self.run_button.setText(self.tr("Run"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.status_label.setText(self._status_text(self._last_message))
        self._model_changed()
        if self.menu is not None:
            self.menu.setTitle(self.tr("&Plan"))
            self.act_propose.setText(self.tr("Propose sites..."))
            self.act_propose.setToolTip(
                self.tr("Let the optimiser propose new and expanded sites that close the shortfall")
            )
            self.act_clear.setText(self.tr("Clear the plan from the map"))
            self.dock.setWindowTitle(self.tr("Plan"))

    def _model_changed(self) -> None:
        p_median = self.model_box.currentData() == "p-median"
        self.sites_spin.setMinimum(1 if p_median else 0)
        self.shortfall_check.setEnabled(p_median)
        self.form_labels[6].setText(
            self.tr("Number of new sites") if p_median else self.tr("At most new sites")
        )

    # -- running ------------------------------------------------------------
    def request(self) -> PlanRequest:
        """The request the form describes."""
        levels = tuple(lv for lv, box in self.level_checks.items() if box.isChecked())
        budget = self.budget_spin.value()
        sites = self.sites_spin.value()
        return PlanRequest(
            model=self.model_box.currentData(),
            levels=levels,
            year=self.year_spin.value(),
            max_distance=float(self.distance_spin.value()) or None,
            budget=budget * 1e6 if budget > 0 else None,
            sites=sites if sites > 0 else None,
            brede_saving=self.saving_spin.value() / 100.0,
            brede_standard=self.brede_check.isChecked(),
            basis_with_bso=self.bso_check.isChecked(),
            allow_unmet=self.unmet_check.isChecked(),
            places_within_shortfall=self.shortfall_check.isChecked(),
            min_expansion=float(self.expansion_spin.value()),
            distance=self.mode_box.currentData(),
            candidate_layer=self.candidate_box.currentData() or CANDIDATE_LAYER,
            time_limit=float(self.time_spin.value()),
        )

    def set_request(self, request: PlanRequest) -> None:
        """Fill the form from ``request``."""
        self.model_box.setCurrentIndex(max(self.model_box.findData(request.model), 0))
        for level, box in self.level_checks.items():
            basis = "basis" in request.levels and level in ("kleuter", "lager")
            box.setChecked(level in request.levels or basis)
        self.year_spin.setValue(request.year)
        self.distance_spin.setValue(int(request.max_distance or 0))
        self.budget_spin.setValue((request.budget or 0.0) / 1e6)
        self.sites_spin.setValue(request.sites or 0)
        self.saving_spin.setValue(round(request.brede_saving * 100))
        self.brede_check.setChecked(request.brede_standard)
        self.bso_check.setChecked(request.basis_with_bso)
        self.unmet_check.setChecked(request.allow_unmet)
        self.shortfall_check.setChecked(request.places_within_shortfall)
        self.expansion_spin.setValue(round(request.min_expansion))
        self.mode_box.setCurrentIndex(max(self.mode_box.findData(request.distance), 0))
        self.refresh_candidate_layers()
        index = self.candidate_box.findData(request.candidate_layer)
        if index >= 0:
            self.candidate_box.setCurrentIndex(index)
        self.time_spin.setValue(int(request.time_limit or 120))

    def run(self) -> bool:
        """Start the optimiser on the form's request; False when it could not start."""
        try:
            request = self.request()
            if not request.levels:
                raise InputError("Choose at least one level to plan.")
            self.worker.start(self.workspace, request)
        except InputError as exc:
            self._error(exc.message)
            return False
        self._running(True)
        self._last_message = "building the planning model"
        self.status_label.setText(self._status_text(self._last_message))
        return True

    def cancel(self) -> None:
        """Stop the solve; the best plan found so far is still shown."""
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling..."))

    @property
    def running(self) -> bool:
        """True while the optimiser works."""
        return self.worker.running

    def _running(self, on: bool) -> None:
        self.run_button.setEnabled(not on)
        self.cancel_button.setEnabled(on)
        for w in self.findChildren(QWidget):
            if w in (self.progress_bar, self.status_label, self.close_button) or isinstance(
                w, QPushButton
            ):
                continue
            if isinstance(w, (QComboBox, QSpinBox, QDoubleSpinBox, QCheckBox, QGroupBox)):
                w.setEnabled(not on)
        if on:
            self.progress_bar.setRange(0, 0)  # busy until the solver reports a fraction
        else:
            self.progress_bar.setRange(0, 1000)

    def _status_text(self, message: str) -> str:
        if not message:
            return ""
        text = message
        for phrase in _PHRASES:
            text = re.sub(rf"\b{re.escape(phrase)}\b", self.tr(phrase), text)
        return text[:1].upper() + text[1:]

    def _progress(self, fraction, message: str) -> None:
        self._last_message = message
        if fraction is not None:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(round(1000 * max(0.0, min(1.0, float(fraction)))))
        if self.cancel_button.isEnabled() or not self.running:
            self.status_label.setText(self._status_text(message))

    def _finished(self, outcome: PlanOutcome) -> None:
        self._running(False)
        self.outcome = outcome
        result = outcome.result
        if result is None:
            self.progress_bar.setValue(0)
            self.status_label.setText(self.tr("Cancelled before the solve started."))
            return
        self.progress_bar.setValue(1000)
        self.status_label.setText(self._result_line(result))
        if result.status == "infeasible":
            text = (
                result.explanation.text_nl
                if result.explanation is not None and QLocale().language() == QLocale.Language.Dutch
                else (result.explanation.text_en if result.explanation is not None else "")
            )
            self._error(text or self.tr("No plan exists with these settings."))
        self.planReady.emit(outcome)

    def _result_line(self, result) -> str:
        return {
            "optimal": self.tr("Plan ready: proven optimal."),
            "feasible": self.tr("Plan ready: the time limit was reached before the proof."),
            "cancelled": self.tr("Cancelled: showing the best plan found so far."),
            "infeasible": self.tr("No plan exists with these settings."),
            "no_solution": self.tr("The solver stopped before it found any plan."),
        }.get(result.status, result.status)

    def _failed(self, exc: BaseException) -> None:
        self._running(False)
        self.progress_bar.setValue(0)
        if isinstance(exc, InputError):
            text = exc.message
        else:
            text = self.tr("The optimiser failed: %1").replace("%1", str(exc) or type(exc).__name__)
        self.status_label.setText(text)
        self._error(text)

    def _error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Propose sites"), text)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.running:
            self.cancel()
        super().closeEvent(event)


class PlanPresenter:
    """Puts each new plan on the map and in the plan dock."""

    def __init__(self, window, workspace: Workspace, panel: PlanResultsPanel, dock) -> None:
        self.window = window
        self.workspace = workspace
        self.panel = panel
        self.dock = dock

    def show(self, outcome: PlanOutcome) -> None:
        """Replace the plan layers and the panel's contents."""
        result = outcome.result
        self.panel.show_result(result)
        self.dock.show()
        self.dock.raise_()
        self.clear_layers()
        if result is None or not result.has_plan or outcome.problem is None:
            return
        self.workspace.set_plan(plan_tables(result), outcome.settings)
        model = self.window.map_model
        for layer in plan_layers(result, outcome.problem, self.workspace.layers.get("wijken")):
            model.add_layer(layer)

    def clear_layers(self) -> None:
        """Remove the plan layers from the map."""
        model = self.window.map_model
        for name in PLAN_LAYERS:
            if name in model:
                model.remove_layer(name)


def install(window, workspace: Workspace) -> OptimiserDialog:
    """Add the Plan menu, the optimiser dialog and the plan dock to ``window``.

    Returns
    -------
    OptimiserDialog
        With ``panel`` (the :class:`PlanResultsPanel`), ``dock``, ``presenter``
        and the menu actions ``act_propose`` and ``act_clear``.
    """
    ensure_translator()
    dialog = OptimiserDialog(window, workspace)
    panel = PlanResultsPanel(window)
    dock = window.add_dock(panel, "plan_results", Qt.DockWidgetArea.BottomDockWidgetArea)
    if getattr(window, "table_dock", None) is not None:
        window.tabifyDockWidget(window.table_dock, dock)
    dock.hide()
    presenter = PlanPresenter(window, workspace, panel, dock)
    dialog.planReady.connect(presenter.show)
    dialog.panel, dialog.dock, dialog.presenter = panel, dock, presenter

    menu = window.menuBar().addMenu("")
    menu.setObjectName("plan_menu")
    act_propose = QAction(window, shortcut=QKeySequence("Ctrl+Shift+P"))
    act_propose.setObjectName("act_propose_sites")
    act_propose.triggered.connect(lambda: (dialog.show(), dialog.raise_()))
    act_clear = QAction(window)
    act_clear.triggered.connect(lambda: (presenter.clear_layers(), panel.show_result(None)))
    menu.addAction(act_propose)
    menu.addAction(act_clear)
    if getattr(window, "panels_menu", None) is not None:
        window.panels_menu.addAction(dock.toggleViewAction())
    dialog.act_propose, dialog.act_clear, dialog.menu = act_propose, act_clear, menu

    dialog.retranslate()
    if hasattr(window, "languageChanged"):
        window.languageChanged.connect(lambda _lang: (dialog.retranslate(), panel.retranslate()))
    return dialog
