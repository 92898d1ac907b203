"""The build script of the shipped data set is deterministic and up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
import shapely

from capacityplanner import paths

SCRIPT = paths.ROOT / "tools" / "build_ghent_data.py"
SOURCE = paths.ROOT.parent / "shared" / "data" / "ghent"

pytestmark = pytest.mark.slow


def _build(out: Path) -> None:
    if not SOURCE.is_dir():
        pytest.skip(f"source data {SOURCE} not available")
    subprocess.run(
        [sys.executable, str(SCRIPT), "--source", str(SOURCE), "--out", str(out)],
        check=True,
        capture_output=True,
    )


def _read_all(path: Path) -> dict[str, pd.DataFrame]:
    out = {}
    for name, gtype in pyogrio.list_layers(path):
        df = pyogrio.read_dataframe(path, layer=name, read_geometry=gtype is not None)
        if "geometry" in df.columns:
            df = pd.DataFrame(df)
            df["geometry"] = shapely.to_wkb(df["geometry"].to_numpy(), hex=True)
        if name == "dataset_info":  # library versions may differ between machines
            df = df[df["key"] != "built_with"].reset_index(drop=True)
        out[str(name)] = df
    return out


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    a = tmp_path_factory.mktemp("a") / "ghent.gpkg"
    b = tmp_path_factory.mktemp("b") / "ghent.gpkg"
    _build(a)
    _build(b)
    return a, b


def test_two_builds_give_identical_features(two_builds):
    a, b = (_read_all(p) for p in two_builds)
    assert list(a) == list(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_shipped_file_equals_a_fresh_build(two_builds):
    fresh = _read_all(two_builds[0])
    shipped = _read_all(paths.GHENT_GPKG)
    assert set(fresh) == set(shipped)
    for name in fresh:
        pd.testing.assert_frame_equal(fresh[name], shipped[name], obj=name)


def test_build_writes_notes_and_stays_small(two_builds):
    out = two_builds[0]
    assert out.stat().st_size < 30 * 1024 * 1024
    notes = (out.parent / "DATA_NOTES.md").read_text(encoding="utf-8")
    assert "illustrative" in notes.lower()
    info = pyogrio.read_dataframe(out, layer="dataset_info", read_geometry=False)
    keys = set(info["key"])
    for name, _ in pyogrio.list_layers(out):
        assert f"layer_description:{name}" in keys
