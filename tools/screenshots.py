"""Save screenshots of the desktop app to ``docs/screenshots/`` (offscreen).

Run from the repository root::

    .venv/bin/python tools/screenshots.py [--lang nl|en]

Writes ``main_window.png`` (the city on opening with the basis balance),
``main_window_identify.png`` (the centre zoomed in, a school identified and
a wijk selected in the attribute table), ``balance_forecast.png`` (secondary
balance 2030-31 and the forecast of Rabot - Blaisantvest) and
``optimiser_result.png`` (workflow 4: at most three new sites for the secondary
shortfall, brede sites on).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    """Render the window offscreen and save the PNGs; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    args = parser.parse_args(argv)
    # The app keeps its default project (and autosave) in the working folder: use a
    # scratch one, so a run leaves nothing behind for the next run to offer to recover.
    os.chdir(tempfile.mkdtemp(prefix="capacityplanner-screenshots-"))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from capacityplanner.gui.app import create_main_window
    from capacityplanner.gui.map_canvas import Tool

    OUT.mkdir(parents=True, exist_ok=True)
    window, _languages = create_main_window(args.lang)
    window.resize(1500, 950)
    window.show()
    app.processEvents()
    window.canvas.zoom_full()
    app.processEvents()
    suffix = "" if args.lang == "nl" else f"_{args.lang}"
    path = OUT / f"main_window{suffix}.png"
    window.grab().save(str(path))
    print(path)

    # the centre: a wijk selected in the table, a school identified
    model = window.map_model
    wijken = model.layer("wijken").frame
    binnenstad = wijken.index[wijken["wijk"] == "Binnenstad"]
    window.attribute_table.set_layer("wijken")
    window.layer_tree.set_current_layer("wijken")
    model.select("wijken", list(binnenstad))
    window.canvas.zoom_to_selection()
    window.canvas.zoom_by(0.8)
    schools = model.layer("scholen_basis")
    inside = schools.features_in(window.canvas.extent())
    if inside:
        window.set_tool(Tool.IDENTIFY)
        window.identify("scholen_basis", inside[0])
    app.processEvents()
    window.canvas.mouseMoved.emit(*window.canvas.transform.to_map(400, 300))
    path = OUT / f"main_window_identify{suffix}.png"
    window.grab().save(str(path))
    print(path)
    model.clear_selection()
    _planning_shots(app, window, suffix)
    # no window.close(): the optimiser result is unsaved work, and closing would ask
    return 0


def _planning_shots(app, window, suffix: str) -> None:
    """The secondary balance for 2030 with a wijk's forecast, and an optimiser proposal."""
    from capacityplanner.gui.optimiser_worker import PlanRequest, run_plan
    from capacityplanner.gui.planning_state import shared_state

    state = shared_state(window, window.workspace)
    state.set_level("secundair")
    state.set_year(2030)
    state.set_wijk(window.workspace.resolve_wijk("Rabot - Blaisantvest"))
    window.canvas.zoom_full()
    forecast_dock = window.findChild(type(window.table_dock), "forecast")
    if forecast_dock is not None:
        forecast_dock.raise_()
    app.processEvents()
    path = OUT / f"balance_forecast{suffix}.png"
    window.grab().save(str(path))
    print(path)

    # workflow 4: close the secondary shortfall with at most three new sites, brede sites on
    request = PlanRequest(
        model="cover-cost",
        levels=("secundair",),
        year=2024,
        sites=3,
        brede_standard=True,
        distance="network",
    )
    outcome = run_plan(window.workspace, request)
    optimiser = window.tools["optimiser_dialog"]
    optimiser.presenter.show(outcome)
    state.set_year(2024)
    app.processEvents()
    window.canvas.zoom_full()
    app.processEvents()
    path = OUT / f"optimiser_result{suffix}.png"
    window.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    raise SystemExit(main())
