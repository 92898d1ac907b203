"""Start the desktop app: ``capacityplanner`` (or ``capacityplanner --lang en``)."""

from __future__ import annotations

import gc
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from capacityplanner.errors import InputError
from capacityplanner.gui.i18n import LanguageManager
from capacityplanner.gui.main_window import MainWindow

__all__ = ["create_main_window", "install_tools", "open_main_window", "run_app"]


def _show_error(exc: BaseException) -> None:
    """A message box with one sentence; used for errors outside any handler."""
    if isinstance(exc, InputError):
        text = exc.message
    else:
        text = QCoreApplication.translate("MainWindow", "Something went wrong: %1").replace(
            "%1", str(exc) or type(exc).__name__
        )
    QMessageBox.warning(
        None, QCoreApplication.translate("MainWindow", "Ghent capacity planner"), text
    )


def _excepthook(exc_type, exc, tb) -> None:
    """Keep the app alive: report an uncaught exception instead of dying."""
    if not isinstance(exc, InputError):
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    try:
        _show_error(exc)
    except Exception:  # noqa: BLE001 - never let the error path kill the app
        pass


def create_main_window(
    lang: str | None = None, dataset=None, with_tools: bool = True
) -> tuple[MainWindow, LanguageManager]:
    """Set the language, load the Ghent data set (unless given) and build the window.

    A data set that cannot be loaded is reported in a message box; the window
    opens empty. The Ghent data set's tables (population, births, capacity
    changes) are read when first used: the map does not need them.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("capacityplanner")
    app.setOrganizationName("Stad Gent")
    languages = LanguageManager.instance(app)
    languages.set_language(lang)
    if dataset is None:
        try:
            from capacityplanner.geodata.dataset import load_dataset

            dataset = load_dataset(defer_tables=True)
        except InputError as exc:
            _show_error(exc)
    window = MainWindow(dataset, languages)
    if with_tools and window.dataset is not None:
        install_tools(window)
    return window, languages


#: Modules that add planning views, editing, the optimiser, scenarios and exports to the
#: main window, each through ``install(window, workspace)``, in menu order.
TOOL_MODULES = (
    "balance_view",
    "district_panel",
    "forecast_view",
    "editing",
    "import_dialog",
    "optimiser_dialog",
    "scenario_manager",
    "export_dialog",
)


def install_tools(window: MainWindow) -> dict[str, object]:
    """Install every planning tool on ``window``; return what each install made."""
    import importlib

    installed = {}
    for name in TOOL_MODULES:
        module = importlib.import_module(f"capacityplanner.gui.{name}")
        installed[name] = module.install(window, window.workspace)
    window.tools = installed
    return installed


def open_main_window(lang: str | None = None, dataset=None) -> MainWindow:
    """Build and show the main window; the planning tools follow once the map is drawn.

    The map is painted first; the data set's remaining tables are read and the
    planning tools (and the libraries they import) installed on later turns of
    the event loop, after the first paint, so the city is on screen as soon as
    possible. ``window.tools`` is set once they are.

    Parameters
    ----------
    lang : {"nl", "en"}, optional
        Interface language; Dutch when omitted.
    dataset : Dataset, optional
        The data set to open; the shipped Ghent data when omitted.

    Returns
    -------
    MainWindow
        The shown window.
    """
    window, _languages = create_main_window(lang, dataset, with_tools=False)
    window.show()
    if not gc.isenabled():  # paused for the start-up by the command line (cli.main)
        window.after_first_paint(_resume_gc)
    if window.dataset is not None:
        read_tables = getattr(window.dataset.tables, "read_all", None)  # DeferredTables
        if read_tables is not None:
            window.after_first_paint(read_tables)
        window.after_first_paint(lambda: install_tools(window))
    return window


def _resume_gc() -> None:
    """Resume cyclic garbage collection, leaving the start-up's objects out of it.

    The modules, data set and widgets made so far live as long as the app;
    frozen, they are not scanned again by every later full collection.
    """
    gc.freeze()
    gc.enable()


def run_app(lang: str | None = None) -> int:
    """Open the main window on the Ghent data set and run until it closes.

    Parameters
    ----------
    lang : {"nl", "en"}, optional
        Interface language; Dutch when omitted.

    Returns
    -------
    int
        The application's exit status.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sys.excepthook = _excepthook
    window = open_main_window(lang)  # noqa: F841 - kept alive while the app runs
    return app.exec()
