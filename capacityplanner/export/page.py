"""What every printed council page carries, composed for the renderer.

The renderer (:mod:`capacityplanner.render.page`, ``page_furniture``,
``print_layout``) draws pages from plain texts; this module composes those
texts from an export's :class:`~capacityplanner.export.provenance.Provenance`
(the footer: credit and licence, the illustrative-data notice, tool version
and date), checks the output path, and switches the renderer's own words to
the export's language.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from capacityplanner.errors import InputError
from capacityplanner.export.provenance import TOOL_NAME, Provenance, check_language
from capacityplanner.render.page import ORIENTATIONS, PAPERS, PageSpec, translated
from capacityplanner.render.page_furniture import PageFooter

__all__ = [
    "ORIENTATIONS",
    "PAPERS",
    "PageSpec",
    "check_output_path",
    "creator",
    "export_language",
    "footer_lines",
    "page_footer",
]


@contextmanager
def export_language(language: str) -> Iterator[None]:
    """Translate the renderer's own words (legend suffixes) into ``language`` while exporting."""
    check_language(language)
    with translated(language):
        yield


def creator(language: str) -> str:
    """The product name written into a document's metadata."""
    return TOOL_NAME.get(language, TOOL_NAME["en"])


def check_output_path(path: str | Path, suffixes: tuple[str, ...]) -> Path:
    """``path`` as a Path whose folder exists and is writable, or an InputError.

    Parameters
    ----------
    path : str or Path
        File to write.
    suffixes : tuple of str
        Allowed extensions, e.g. ``(".pdf", ".png")``.
    """
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        raise InputError(
            f"Output file {out} should end in {' or '.join(suffixes)} for this export."
        )
    if out.is_dir():
        raise InputError(f"Output path {out} is a folder; give a file name.")
    blocking = next((a for a in out.parents if a.exists() and not a.is_dir()), None)
    if blocking is not None:
        raise InputError(f"Cannot write {out}: {blocking} is a file, not a folder.")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"Cannot write {out}: its folder cannot be created ({exc.strerror or exc})."
        ) from None
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError(f"Cannot write {out}: permission denied.")
    return out


def footer_lines(provenance: Provenance, licence: str | None) -> tuple[str, str, str]:
    """Sources (credit and licence), the illustrative notice (or "") and the version line."""
    sources = provenance.credit.rstrip(".")
    if licence:
        word = "Licentie" if provenance.language == "nl" else "Licence"
        sources += f". {word}: {licence}"
    if provenance.scenario:
        sources += f". Scenario: {provenance.scenario}"
    return sources + ".", provenance.notice_text(), provenance.version_text() + "."


def page_footer(provenance: Provenance, licence: str | None = None) -> PageFooter:
    """The footer texts of a page of this provenance."""
    return PageFooter(*footer_lines(provenance, licence))
