"""Page writers: a vector PDF of one or more pages, or a PNG image of one page.

The drawing itself is a callable taking the active painter; the writers open
the device, set the page size, resolution and document title, and report a
file that cannot be written as an :class:`~capacityplanner.errors.InputError`.

Examples
--------
>>> with PdfDocument("atlas.pdf", PageSpec("A4", "portrait"), "Atlas", "Tool") as doc:  # doctest: +SKIP
...     for page in pages:
...         doc.new_page()
...         draw(doc.painter, page)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from capacityplanner.errors import InputError
from capacityplanner.render.page import PageSpec, ensure_gui_app

__all__ = ["PdfDocument", "image_for_page", "write_pdf_page", "write_png"]

T = TypeVar("T")


def _begin(painter: QPainter, device, path: Path) -> None:
    """Start painting on ``device`` or raise InputError naming ``path``."""
    if not painter.begin(device):
        raise InputError(f"Cannot write {path}: the file could not be opened for drawing.")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)


class PdfDocument:
    """A PDF being written page by page (a context manager).

    Parameters
    ----------
    path : str or Path
        Output file.
    spec : PageSpec
        Paper, orientation and resolution of every page.
    title : str
        Document title (PDF metadata).
    creator : str
        Creating tool (PDF metadata).
    """

    def __init__(self, path: str | Path, spec: PageSpec, title: str, creator: str) -> None:
        ensure_gui_app()
        self.path = Path(path)
        self.spec = spec
        self.writer = QPdfWriter(str(self.path))
        self.writer.setResolution(round(spec.dpi))
        self.writer.setPageLayout(spec.qt_layout())
        self.writer.setTitle(title)
        self.writer.setCreator(creator)
        self.painter = QPainter()
        self.pages = 0

    def __enter__(self) -> PdfDocument:
        _begin(self.painter, self.writer, self.path)
        return self

    def __exit__(self, *exc) -> None:
        self.painter.end()

    def new_page(self) -> QPainter:
        """Start the next page (the first call keeps the first page); return the painter."""
        if self.pages:
            self.writer.newPage()
        self.pages += 1
        return self.painter


def write_pdf_page(
    path: str | Path,
    spec: PageSpec,
    title: str,
    creator: str,
    draw: Callable[[QPainter], T],
) -> T:
    """Write a one-page PDF drawn by ``draw(painter)``; return what ``draw`` returns."""
    with PdfDocument(path, spec, title, creator) as doc:
        return draw(doc.new_page())


def image_for_page(spec: PageSpec) -> QImage:
    """A white page image at the page's size, with its resolution recorded for the PNG."""
    ensure_gui_app()
    w, h = spec.size_px
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    dpm = round(spec.dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(QColor("#ffffff"))
    return image


def write_png(path: str | Path, spec: PageSpec, draw: Callable[[QPainter], T]) -> T:
    """Write a PNG of one page drawn by ``draw(painter)``; return what ``draw`` returns."""
    out = Path(path)
    image = image_for_page(spec)
    painter = QPainter()
    _begin(painter, image, out)
    try:
        result = draw(painter)
    finally:
        painter.end()
    if not image.save(str(out), "PNG"):
        raise InputError(f"Cannot write {out}: saving the PNG image failed.")
    return result
