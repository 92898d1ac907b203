"""Briefing report: one page with the plain-language summary, the key table and the map."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import unicodedata  # noqa: E402

import matplotlib.image as mpimg  # noqa: E402
import pytest  # noqa: E402

from capacityplanner.export.page_figures import format_count  # noqa: E402
from capacityplanner.export.report import balance_summary, export_report  # noqa: E402
from capacityplanner.geodata.dataset import load_dataset  # noqa: E402
from capacityplanner.models.optimise import PlanOptions, solve_plan  # noqa: E402
from capacityplanner.scenarios.plan_inputs import (  # noqa: E402
    PlanInputSettings,
    build_planning_problem,
)
from capacityplanner.scenarios.workspace import Workspace  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm, pdftotext) not installed"
)


@pytest.fixture(scope="module")
def workspace():
    return Workspace(load_dataset())


def text_of(path):
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_summary_states_the_citywide_shortfall_and_the_worst_wijken(workspace):
    text = balance_summary(workspace, 2024, "basis", "nl")
    city = workspace.city_balance(2024).set_index("level").loc["basis"]
    assert f"een tekort van {format_count(city['shortfall'], 'nl')} plaatsen" in text
    rows = workspace.balance(2024)
    rows = rows[rows["level"] == "basis"].sort_values("shortfall", ascending=False)
    assert rows.iloc[0]["wijk"] in text
    assert f"{int((rows['shortfall'] > 0.5).sum())} van de 25 wijken" in text
    english = balance_summary(workspace, 2024, "kinderopvang", "en")
    assert "Barcelona norm 33%" in english


def test_report_is_one_page_with_summary_table_map_and_sources(workspace, tmp_path):
    frames = []
    out = export_report(
        tmp_path / "briefing.pdf", workspace, 2024, "basis", dpi=150, map_frames=frames
    )
    assert pages(out) == 1
    text = text_of(out)
    assert "Briefing: basisonderwijs, schooljaar 2024-25" in text
    assert balance_summary(workspace, 2024, "basis", "nl")[:60] in text
    assert "Kerncijfers voor de hele stad" in text
    city = workspace.city_balance(2024).set_index("level")
    for level in ("kinderopvang", "secundair"):
        assert format_count(city.loc[level, "capacity"], "nl") in text
    assert "Bron: Stad Gent" in text and "Illustratieve gegevens" in text
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-singlefile", str(out), str(prefix)], check=True
    )
    rgb = (mpimg.imread(f"{prefix}.png")[..., :3] * 255).astype(int)
    x, y, w, h = (v * 40 / 72 for v in frames[0])
    region = rgb[int(y + 0.03 * h) : int(y + 0.97 * h), int(x + 0.03 * w) : int(x + 0.97 * w)]
    assert (region.sum(axis=2) < 3 * 245).mean() > 0.15


def test_report_with_a_plan_carries_the_optimisers_paragraph(workspace, tmp_path):
    problem = build_planning_problem(
        workspace, PlanInputSettings(levels=("secundair",), year=2024, distance="straight")
    )
    plan = solve_plan(
        problem, PlanOptions(model="cover-cost", levels=("secundair",), allow_unmet=True)
    )
    new = plan.sites[plan.sites["kind"] == "new"]
    assert len(new) > 0
    out = export_report(
        tmp_path / "plan.pdf", workspace, 2024, "secundair", plan, language="en", dpi=150
    )
    assert pages(out) == 1
    text = text_of(out)
    assert "Proposal of the optimiser" in text
    assert new.iloc[0]["name"] in text
    assert "Illustrative data" in text
