"""Time loading the shipped Ghent data set and building it.

Run: ``.venv/bin/python benchmarks/bench_dataset.py [--build]``. Prints the median
of repeated ``load_dataset()`` calls (target < 1 s) and, with ``--build``, the
wall time of one ``tools/build_ghent_data.py`` run into a temporary folder
(target < 30 s).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from capacityplanner import paths
from capacityplanner.geodata.dataset import load_dataset


def main() -> None:
    """Print the timings."""
    load_dataset()  # warm-up (imports, file cache)
    times = []
    for _ in range(10):
        t = time.perf_counter()
        load_dataset()
        times.append(time.perf_counter() - t)
    size = paths.GHENT_GPKG.stat().st_size / 1e6
    print(f"load_dataset(): median {statistics.median(times) * 1000:.0f} ms ({size:.1f} MB file)")
    if "--build" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "ghent.gpkg"
            t = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(paths.ROOT / "tools" / "build_ghent_data.py"),
                    "--out",
                    str(out),
                ],
                check=True,
                capture_output=True,
            )
            print(f"build_ghent_data.py: {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
