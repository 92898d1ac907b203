"""Map page export: the PDF/PNG page shows the map, legend furniture, sources and the notice."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402

import pytest  # noqa: E402
from pdf_pages import inked_share, load_rgb, pdf_page_image, pdf_text  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from capacityplanner.errors import InputError  # noqa: E402
from capacityplanner.export.map_pdf import export_map, layout_map_page, page_provenance  # noqa: E402
from capacityplanner.export.page import PageSpec  # noqa: E402
from capacityplanner.export.views import build_view, current_map_view  # noqa: E402
from capacityplanner.geodata.dataset import load_dataset  # noqa: E402
from capacityplanner.render.defaults import model_from_dataset  # noqa: E402
from capacityplanner.scenarios.workspace import Workspace  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm, pdftotext) not installed"
)
CREDIT = "Bron: Stad Gent (data.stad.gent), Provincies in Cijfers, Informatie Vlaanderen"


@pytest.fixture(scope="module")
def workspace():
    return Workspace(load_dataset())


def frame_tuple(layout):
    f = layout.frame
    return (f.left(), f.top(), f.width(), f.height())


def test_balance_map_pdf_is_one_vector_page_with_map_title_sources_and_notice(workspace, tmp_path):
    view = build_view("balance", workspace, "basis", 2024, language="nl")
    prov = page_provenance(workspace, view, language="nl")
    out = export_map(
        tmp_path / "saldo.pdf",
        view,
        provenance=prov,
        licence="Modellicentie Gratis Hergebruik v1.0",
    )
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    assert "842 x 595 pts (A4)" in info  # A4 landscape
    text = pdf_text(out)
    assert "Capaciteitssaldo basisonderwijs, schooljaar 2024-25" in text
    assert CREDIT in text
    assert "Modellicentie Gratis Hergebruik" in text
    assert "Illustratieve gegevens" in text
    assert "Legende" in text and "Schaal 1:" in text
    assert "Capaciteitsplanner Gent versie" in text
    # the map frame is covered by drawn features, not only its border
    spec = PageSpec("A4", "landscape", 300)
    layout = layout_map_page(spec, view, prov, "Modellicentie Gratis Hergebruik v1.0")
    rgb = pdf_page_image(out, tmp_path, dpi=50)
    share = inked_share(rgb, frame_tuple(layout), 50 / 300)
    # the city covers about a quarter of the wide frame; a frame with only its border gives 0
    assert share > 0.15
    # and the legend panel holds the legend, while the page margin stays blank
    assert inked_share(rgb, (0, 0, spec.mm(8), spec.size_px[1]), 50 / 300, inset=0) == 0.0


def test_png_has_the_page_size_at_the_chosen_dpi_and_shows_the_map(workspace, tmp_path):
    view = build_view("sites", workspace, "basis", 2024, language="en")
    prov = page_provenance(workspace, view, language="en")
    out = export_map(
        tmp_path / "sites.png", view, provenance=prov, paper="A4", orientation="portrait", dpi=100
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (827, 1169)  # A4 at 100 dpi
    assert image.dotsPerMeterX() == round(100 / 0.0254)
    spec = PageSpec("A4", "portrait", 100)
    layout = layout_map_page(spec, view, prov)
    assert inked_share(load_rgb(out), frame_tuple(layout), 1.0) > 0.15


def test_a3_portrait_and_english_texts(workspace, tmp_path):
    view = build_view(
        "balance", workspace, "secundair", 2030, language="en", scenario="Nieuwbouw Tondelier"
    )
    prov = page_provenance(workspace, view, language="en", scenario="Nieuwbouw Tondelier")
    out = export_map(tmp_path / "a3.pdf", view, provenance=prov, paper="A3", orientation="portrait")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "842 x 1191 pts (A3)" in info
    text = pdf_text(out)
    assert "Capacity balance secondary school, school year 2030-31" in text
    assert "Scenario: Nieuwbouw Tondelier" in text
    assert "Illustrative data" in text
    assert "Legend" in text and "Scale 1:" in text


def test_notice_only_when_illustrative_layers_are_shown(workspace, tmp_path):
    model = model_from_dataset(workspace.dataset)
    for layer in model.layers:
        model.set_visible(layer.name, not layer.illustrative)
    view = current_map_view(model, "Wijken en straten", "Basiskaart")
    assert not view.illustrative
    prov = page_provenance(workspace, view)
    text = pdf_text(export_map(tmp_path / "real.pdf", view, provenance=prov))
    assert CREDIT in text
    assert "Illustratieve gegevens" not in text
    model.set_visible("scholen_basis", True)
    view = current_map_view(model, "Wijken en scholen", "Basiskaart")
    text = pdf_text(
        export_map(tmp_path / "ill.pdf", view, provenance=page_provenance(workspace, view))
    )
    assert "Illustratieve gegevens" in text


def test_bad_page_options_and_paths_are_input_errors(workspace, tmp_path):
    view = build_view("balance", workspace, "basis", 2024)
    prov = page_provenance(workspace, view)
    with pytest.raises(InputError, match="Paper"):
        export_map(tmp_path / "x.pdf", view, provenance=prov, paper="Letter")
    with pytest.raises(InputError, match="dpi"):
        export_map(tmp_path / "x.png", view, provenance=prov, dpi=2400)
    with pytest.raises(InputError, match=r"\.pdf or \.png"):
        export_map(tmp_path / "x.svg", view, provenance=prov)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is a file, not a folder"):
        export_map(tmp_path / "file" / "x.pdf", view, provenance=prov)
    with pytest.raises(InputError, match="Unknown level"):
        build_view("balance", workspace, "university", 2024)
