"""Save screenshots of the desktop app to ``docs/screenshots/`` (offscreen).

Run from the repository root::

    .venv/bin/python tools/screenshots.py [--lang nl|en]

Writes ``main_window.png`` (the city on opening) and
``main_window_identify.png`` (the centre zoomed in, a school identified and
a wijk selected in the attribute table).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    """Render the window offscreen and save the PNGs; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    args = parser.parse_args(argv)

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
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
