"""File > Export...: council exports from the desktop app, written off the UI thread.

The dialog chooses the export (a map page of the current map or a named
view, the district atlas, the offline HTML map, the XLSX tables, the styled
GeoPackage or the briefing report), the level, the school year, paper,
orientation and resolution, the language and the output file. The export
runs in the background with a progress bar (the atlas reports each page) and
a Cancel button; bad choices give one sentence in a message box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.errors import InputError
from capacityplanner.export.jobs import SUFFIXES, ExportRequest, check_request
from capacityplanner.export.labels import level_label
from capacityplanner.export.views import current_map_view
from capacityplanner.gui.dict_translator import ensure_translator
from capacityplanner.gui.export_worker import ExportWorker
from capacityplanner.models.levels import LEVELS

__all__ = ["CHOICES", "ExportDialog", "install"]

# Translation context of the dialog's strings (one of the dict translator's contexts).
CONTEXT = "ExportDialog"

#: (kind, view) of each entry of the export list.
CHOICES: tuple[tuple[str, str], ...] = (
    ("map", "current"),
    ("map", "balance"),
    ("map", "sites"),
    ("atlas", ""),
    ("html", ""),
    ("xlsx", ""),
    ("gpkg", ""),
    ("report", ""),
)
_DEFAULT_NAMES = {
    "map": "kaart",
    "atlas": "wijkatlas",
    "html": "kaart",
    "xlsx": "tabellen",
    "gpkg": "lagen",
    "report": "briefing",
}


def _current_plan(window):
    """The plan shown in the window's plan panel, if any."""
    for widget in window.findChildren(QWidget):
        if type(widget).__name__ == "PlanResultsPanel":
            return getattr(widget, "result", None)
    return None


class ExportDialog(QDialog):
    """Choose an export and write it in the background."""

    def __init__(self, window, workspace) -> None:
        super().__init__(window)
        self.setObjectName("export_dialog")
        self.window_ = window
        self.workspace = workspace
        self.worker = ExportWorker(self)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.last_output: Path | None = None

        self.kind = QComboBox(self)
        self.title = QLineEdit(self)
        self.level = QComboBox(self)
        for level in LEVELS:
            self.level.addItem(level, level)
        self.level.setCurrentIndex(LEVELS.index("basis"))
        params = workspace.params
        self.year = QSpinBox(self)
        self.year.setRange(params.base_year, params.end_year)
        self.year.setValue(params.base_year)
        self.paper = QComboBox(self)
        self.paper.addItems(["A4", "A3"])
        self.orientation = QComboBox(self)
        self.dpi = QSpinBox(self)
        self.dpi.setRange(50, 1200)
        self.dpi.setValue(300)
        self.dpi.setSuffix(" dpi")
        self.language = QComboBox(self)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.with_plan = QCheckBox(self)
        self.path = QLineEdit(self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)

        self.form = QFormLayout()
        self.labels = {
            key: QLabel(self)
            for key in (
                "kind",
                "title",
                "level",
                "year",
                "paper",
                "orientation",
                "dpi",
                "language",
                "path",
            )
        }
        for key, widget in (
            ("kind", self.kind),
            ("title", self.title),
            ("level", self.level),
            ("year", self.year),
            ("paper", self.paper),
            ("orientation", self.orientation),
            ("dpi", self.dpi),
            ("language", self.language),
        ):
            self.form.addRow(self.labels[key], widget)
        self.form.addRow("", self.with_plan)
        self.form.addRow(self.labels["path"], row)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.retranslate()
        self._kind_changed()

    # -- texts ----------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the dialog in the current language."""
        self.setWindowTitle(self.tr("Export"))
        names = {
            ("map", "current"): self.tr("Map page (PDF/PNG): the map as shown"),
            ("map", "balance"): self.tr("Map page (PDF/PNG): capacity balance"),
            ("map", "sites"): self.tr("Map page (PDF/PNG): facilities and places"),
            ("atlas", ""): self.tr("District atlas (PDF)"),
            ("html", ""): self.tr("Offline HTML map"),
            ("xlsx", ""): self.tr("Tables (XLSX)"),
            ("gpkg", ""): self.tr("Styled GeoPackage"),
            ("report", ""): self.tr("Briefing report (PDF)"),
        }
        index = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        for choice in CHOICES:
            self.kind.addItem(names[choice], choice)
        self.kind.setCurrentIndex(max(index, 0))
        self.kind.blockSignals(False)
        orientation = self.orientation.currentIndex()
        self.orientation.clear()
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.setCurrentIndex(max(orientation, 0))
        lang = "nl" if QLocale().language() == QLocale.Language.Dutch else "en"
        for i, level in enumerate(LEVELS):
            self.level.setItemText(i, level_label(level, lang))
        texts = {
            "kind": self.tr("Export:"),
            "title": self.tr("Title:"),
            "level": self.tr("Level:"),
            "year": self.tr("School year:"),
            "paper": self.tr("Paper:"),
            "orientation": self.tr("Orientation:"),
            "dpi": self.tr("Resolution:"),
            "language": self.tr("Language of the export:"),
            "path": self.tr("Save as:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        if not self.title.text():
            self.title.setText(self.tr("Map"))
        self.with_plan.setText(self.tr("Show the proposed sites of the current plan"))
        self.browse.setText(self.tr("Browse…"))
        self.export_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel") if self.worker.running else self.tr("Close"))

    # -- choices --------------------------------------------------------------
    def choice(self) -> tuple[str, str]:
        """``(kind, view)`` of the selected export."""
        return self.kind.currentData() or CHOICES[0]

    def set_choice(self, kind: str, view: str = "") -> None:
        """Select an export by kind (and map view)."""
        self.kind.setCurrentIndex(CHOICES.index((kind, view)))

    def _kind_changed(self) -> None:
        kind, view = self.choice()
        is_map = kind == "map"
        paged = kind in ("map", "atlas", "report")
        self.title.setEnabled(is_map and view == "current")
        self.level.setEnabled(not (is_map and view in ("current", "sites")))
        self.year.setEnabled(not (is_map and view == "current"))
        self.paper.setEnabled(paged)
        self.orientation.setEnabled(is_map)
        self.dpi.setEnabled(paged)
        plan = _current_plan(self.window_)
        self.with_plan.setEnabled(plan is not None and not (is_map and view == "current"))
        self.with_plan.setChecked(plan is not None)
        text = self.path.text().strip()
        suffixes = SUFFIXES[kind]
        if not text:
            self.path.setText(str(Path.cwd() / f"{_DEFAULT_NAMES[kind]}{suffixes[0]}"))
        elif Path(text).suffix.lower() not in suffixes:
            self.path.setText(str(Path(text).with_suffix(suffixes[0])))

    def _browse(self) -> None:
        kind, _view = self.choice()
        patterns = " ".join(f"*{s}" for s in SUFFIXES[kind])
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the export as"), self.path.text(), f"{patterns} ({patterns})"
        )
        if path:
            self.path.setText(path)

    def request(self) -> ExportRequest:
        """The export the dialog's choices describe."""
        kind, view = self.choice()
        return ExportRequest(
            kind=kind,
            path=self.path.text().strip(),
            level=self.level.currentData(),
            year=self.year.value(),
            view=view or "current",
            paper=self.paper.currentText(),
            orientation=self.orientation.currentData() if kind == "map" else "portrait",
            dpi=float(self.dpi.value()),
            language=self.language.currentData(),
        )

    # -- running --------------------------------------------------------------
    def start_export(self) -> bool:
        """Check the choices and start the export; False (with a message) when they are wrong."""
        if self.worker.running:
            return False
        request = self.request()
        try:
            if not request.path:
                raise InputError(self.tr("Choose a file to save the export in."))
            check_request(request, self.workspace)
            current = None
            if request.kind == "map" and request.view == "current":
                canvas = getattr(self.window_, "canvas", None)
                scenario = self.workspace.scenario_name or self.tr("current data")
                current = current_map_view(
                    self.window_.map_model,
                    self.title.text().strip() or self.tr("Map"),
                    self.tr("Scenario: %1").replace("%1", scenario),
                    extent=canvas.extent() if canvas is not None else None,
                )
            plan = _current_plan(self.window_) if self.with_plan.isChecked() else None
            self.worker.start(self.workspace, request, current=current, plan=plan)
        except InputError as exc:
            self._message(exc.message)
            return False
        self.progress_bar.setValue(0)
        self.status.setText(self.tr("Exporting…"))
        self._set_running(True)
        return True

    def cancel_or_close(self) -> None:
        """Cancel a running export, or close the dialog."""
        if self.worker.running:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _set_running(self, running: bool) -> None:
        for widget in (self.export_button, self.kind, self.path, self.browse):
            widget.setEnabled(not running)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(round(1000 * max(0.0, min(1.0, fraction))))
        self.status.setText(message)

    def _finished(self, out) -> None:
        self._set_running(False)
        self.last_output = out
        if out is None:
            self.progress_bar.setValue(0)
            self.status.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.progress_bar.setValue(1000)
            self.status.setText(self.tr("Written: %1").replace("%1", str(out)))

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress_bar.setValue(0)
        self.status.setText("")
        if isinstance(exc, InputError):
            self._message(exc.message)
        else:
            self._message(
                self.tr("The export failed: %1").replace("%1", str(exc) or type(exc).__name__)
            )

    def _message(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Export"), text)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.worker.running:
            self.worker.cancel()
            self.worker.wait(10)
        super().closeEvent(event)

    def tr(self, text: str) -> str:  # noqa: D102 - one context for the dict translator
        return QCoreApplication.translate(CONTEXT, text)


def _file_menu(window) -> QMenu:
    """The window's File menu (by attribute, object name or title), created when missing."""
    menu = getattr(window, "file_menu", None)
    if isinstance(menu, QMenu):
        return menu
    bar = window.menuBar()
    for action in bar.actions():
        sub = action.menu()
        if sub is not None and (
            sub.objectName() == "file_menu" or action.text().replace("&", "") in ("File", "Bestand")
        ):
            return sub
    menu = bar.addMenu("&File")
    menu.setObjectName("file_menu")
    return menu


def install(window, workspace) -> ExportDialog:
    """Add File > Export... to ``window``; the dialog exports from ``workspace``.

    Returns
    -------
    ExportDialog
        With the menu action ``act_export``.
    """
    ensure_translator()
    dialog = ExportDialog(window, workspace)
    menu = _file_menu(window)
    act = QAction(window, shortcut=QKeySequence("Ctrl+E"))
    act.setObjectName("act_export")
    act.triggered.connect(lambda: (dialog._kind_changed(), dialog.show(), dialog.raise_()))
    actions = menu.actions()
    if actions:
        menu.insertAction(actions[0], act)
        menu.insertSeparator(actions[0])
    else:
        menu.addAction(act)
    dialog.act_export = act

    def retranslate(_lang=None) -> None:
        act.setText(dialog.tr("&Export…"))
        dialog.retranslate()

    retranslate()
    if hasattr(window, "languageChanged"):
        window.languageChanged.connect(retranslate)
    return dialog
