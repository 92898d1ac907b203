"""District atlas: 26 pages (city + 25 wijken), maps drawn, tables agree with the balance, cancel."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402

import pytest  # noqa: E402
from pdf_pages import inked_share, pdf_page_image, pdf_text  # noqa: E402

from capacityplanner.export.atlas import export_atlas  # noqa: E402
from capacityplanner.export.page_figures import format_count  # noqa: E402
from capacityplanner.geodata.dataset import load_dataset  # noqa: E402
from capacityplanner.scenarios.workspace import Workspace  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm, pdftotext) not installed"
)
LEVELS = ("kinderopvang", "basis", "secundair")


@pytest.fixture(scope="module")
def workspace():
    return Workspace(load_dataset())


@pytest.fixture(scope="module")
def atlas(workspace, tmp_path_factory):
    """The atlas, written once for the module."""
    out = tmp_path_factory.mktemp("atlas") / "wijkatlas.pdf"
    calls, frames = [], []
    result = export_atlas(
        out,
        workspace,
        2024,
        LEVELS,
        progress=lambda f, m: calls.append((f, m)),
        dpi=150,
        map_frames=frames,
    )
    return result, calls, frames


def page_text(path, page):
    return pdf_text(path, page, page)


def inked_share_in_frame(path, page, frame_pt, tmp_path, dpi=40):
    return inked_share(pdf_page_image(path, tmp_path, page, dpi), frame_pt, dpi / 72)


def test_atlas_has_a_city_page_and_one_page_per_wijk(atlas, workspace):
    path, calls, frames = atlas
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 1 + len(workspace.wijken) == 26
    assert len(calls) == 26 and calls[-1][0] == pytest.approx(1.0)
    assert [f for f, _ in calls] == sorted(f for f, _ in calls)
    assert len(frames) == 26
    first = page_text(path, 1)
    assert "Wijkatlas capaciteit, schooljaar 2024-25" in first
    assert "Bron: Stad Gent" in first and "Illustratieve gegevens" in first
    names = workspace.wijken.sort_values("wijknr")["wijk"].tolist()
    assert f"Wijk 1: {names[0]}" in page_text(path, 2)
    assert f"Wijk 25: {names[24]}" in page_text(path, 26)


def test_wijk_page_table_shows_the_wijks_balance(atlas, workspace):
    path, _calls, _frames = atlas
    balance = workspace.balance(2024)
    row = balance[(balance["wijknr"] == 4) & (balance["level"] == "basis")].iloc[0]
    text = page_text(path, 5)
    assert "Wijk 4:" in text
    assert format_count(row["capacity"], "nl") in text
    assert format_count(row["capacity"] - row["demand"], "nl", signed=True) in text
    city = workspace.city_balance(2024).set_index("level")
    first = page_text(path, 1)
    assert format_count(city.loc["secundair", "capacity"], "nl") in first


def test_atlas_maps_are_drawn_on_the_city_and_wijk_pages(atlas, tmp_path):
    path, _calls, frames = atlas
    # the city fills about a third of its frame; a zoomed wijk page is drawn edge to edge;
    # a frame with only its border gives 0
    assert inked_share_in_frame(path, 1, frames[0], tmp_path) > 0.15
    assert inked_share_in_frame(path, 5, frames[4], tmp_path) > 0.6


def test_cancel_stops_between_pages_and_removes_the_file(workspace, tmp_path):
    out = tmp_path / "cancelled.pdf"
    pages = []

    def progress(fraction, message):
        pages.append(fraction)

    result = export_atlas(
        out, workspace, 2024, ("basis",), progress=progress, cancel=lambda: len(pages) >= 2, dpi=100
    )
    assert result is None
    assert len(pages) == 2
    assert not out.exists()
