"""Benchmark the desktop map window on the Ghent data set.

Run: ``.venv/bin/python benchmarks/bench_gui.py`` (offscreen; no display needed).

Measures
1. opening: process start to the first drawn map (data set loaded, window
   built, canvas painted), in a fresh interpreter, as ``run_app`` does it; and
   until the planning tools it installs next are ready; and once more end to end
   through the console entry point (``cli.main([])``, the event loop stopped at
   the first paint event of the map canvas), which also counts the argument
   parsing and the order in which queued work and the first paint really run;
2. repaint after a zoom change: a full redraw of all 14,266 street segments
   (and of the whole map) from the cached paths through a new transform, no
   pixmap reuse; also the first redraw at a new detail level, when the
   simplified paths for that level are built;
3. resident memory with the Ghent data loaded and drawn.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OPEN_SNIPPET = r"""
import os, sys, time
t0 = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# as `capacityplanner` without a command (cli.main): no command modules are imported,
# the cyclic garbage collector is paused, then run_app
from capacityplanner.cli import app_request
assert app_request([]) == (True, None)
import gc
gc.disable()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from capacityplanner.gui.app import open_main_window
t_import = time.perf_counter()
from capacityplanner.geodata.dataset import load_dataset
ds = load_dataset(defer_tables=True)  # as create_main_window: tables when first used
t_load = time.perf_counter()
w = open_main_window(dataset=ds)  # what run_app does before app.exec()
app.processEvents()  # the window is exposed and the canvas paints the layers
assert w.canvas.painted and w.map_model.layer("wegen").has_batches(w.canvas.transform.resolution)
t_window = time.perf_counter()
w.canvas.repaint()
t_paint = time.perf_counter()
while not w.tools and time.perf_counter() - t0 < 120:  # then, as queued: the table
    app.processEvents()  # fills and the planning tools are installed
t_tools = time.perf_counter()
assert w.tools and w.attribute_table.layer_name == "wijken" and gc.isenabled()
assert not ds.tables.pending  # every table read once the map was drawn
print(t_import - t0, t_load - t_import, t_window - t_load, t_paint - t_window, t_paint - t0,
      t_tools - t0)
"""


ENTRY_SNIPPET = r"""
import os, time
t0 = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
done = {}


def exec_until_ready(self=None):  # stands in for app.exec(): run the loop, note the moments
    app = QApplication.instance()
    from capacityplanner.gui.main_window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    while time.perf_counter() - t0 < 120 and "tools" not in done:
        app.processEvents()
        if window.canvas.painted:
            done.setdefault("drawn", time.perf_counter())
        if window.tools:
            done["tools"] = time.perf_counter()
    return 0


QApplication.exec = exec_until_ready
from capacityplanner.cli import main
main([])  # what the `capacityplanner` command runs
print(done["drawn"] - t0, done["tools"] - t0)
"""


def rss_mib() -> tuple[float, float]:
    """Current and peak resident set size of this process (MiB)."""
    vals = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                vals[key] = int(value.split()[0]) / 1024
    return vals["VmRSS"], vals["VmHWM"]


def bench_open(runs: int = 7, snippet: str = OPEN_SNIPPET) -> list[list[float]]:
    """Time to a drawn map in fresh interpreters (process start excluded: Python startup)."""
    out = []
    for _ in range(runs):
        res = subprocess.run(
            [sys.executable, "-c", snippet], capture_output=True, text=True, check=True
        )
        out.append([float(x) for x in res.stdout.split()])
    return out


def bench_repaint(n: int = 30) -> dict[str, float]:
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from capacityplanner.geodata.dataset import load_dataset
    from capacityplanner.gui.main_window import MainWindow
    from capacityplanner.render.map_model import MapModel
    from capacityplanner.render.painter import render_map

    window = MainWindow(load_dataset())
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    canvas = window.canvas
    canvas.zoom_full()
    canvas.repaint()
    wegen = window.map_model.layer("wegen")
    streets_only = MapModel()
    streets_only.groups = window.map_model.groups
    streets_only.layers = [wegen]
    image = QImage(canvas.width(), canvas.height(), QImage.Format.Format_ARGB32_Premultiplied)
    t = canvas.transform

    def paint_streets() -> float:
        image.fill(QColor("#ffffff"))
        p = QPainter(image)
        s = time.perf_counter()
        render_map(p, streets_only, t)
        e = time.perf_counter()
        p.end()
        return (e - s) * 1000

    results: dict[str, float] = {"canvas_px": float(canvas.width() * canvas.height())}
    # zoom changes within one detail level (paths cached), whole city in view
    streets, full = [], []
    for i in range(n):
        t.zoom(1.02 if i % 2 == 0 else 1 / 1.02)
        streets.append(paint_streets())
        s = time.perf_counter()
        canvas.repaint()
        full.append((time.perf_counter() - s) * 1000)
    results["streets_repaint_ms_median"] = statistics.median(streets)
    results["streets_repaint_ms_max"] = max(streets)
    results["full_map_repaint_ms_median"] = statistics.median(full)
    # zoom to a new detail level: first paint builds the simplified paths
    first = []
    for factor in (4.0, 4.0, 4.0):
        wegen.invalidate()
        canvas.transform.zoom(1 / factor)
        first.append(paint_streets())
        canvas.transform.zoom(factor)
    results["streets_first_paint_new_level_ms_median"] = statistics.median(first)
    # zoomed in to a neighbourhood (1:10 000)
    canvas.transform.resolution = 10000 * 0.0254 / 96
    paint_streets()
    results["streets_repaint_zoomed_in_ms"] = statistics.median(paint_streets() for _ in range(10))
    rss, peak = rss_mib()
    results["rss_mib"] = rss
    results["peak_rss_mib"] = peak
    window.close()
    return results


def main() -> None:
    opens = bench_open()
    print(
        "open (import, load_dataset, build window, first paint, map drawn, all tools ready) seconds:"
    )
    for row in opens:
        print("  " + "  ".join(f"{x:.3f}" for x in row))
    drawn = [r[-2] for r in opens]
    print(
        f"  median to a drawn map: {statistics.median(drawn):.3f} s"
        f" ({min(drawn):.3f}-{max(drawn):.3f}, {len(drawn)} runs)"
    )
    print(
        f"  median until every planning tool is ready: {statistics.median(r[-1] for r in opens):.3f} s"
    )
    entry = bench_open(snippet=ENTRY_SNIPPET)
    drawn = [r[0] for r in entry]
    print("through the command line (cli.main), seconds to the drawn map, to all tools ready:")
    print("  " + "   ".join(f"{r[0]:.3f} {r[1]:.3f}" for r in entry))
    print(
        f"  median to a drawn map: {statistics.median(drawn):.3f} s"
        f" ({min(drawn):.3f}-{max(drawn):.3f}, {len(drawn)} runs)"
    )
    for key, value in bench_repaint().items():
        print(f"{key}: {value:.1f}")


if __name__ == "__main__":
    main()
