"""The vendored web libraries, ready to inline into an offline HTML page.

Only Leaflet is shipped (``resources/web/leaflet``, BSD-2-Clause, see
``resources/web/README.md``). The CSS image references become ``data:`` URIs
and the source-map comment is dropped, so the page makes no request at all.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

from capacityplanner.paths import RESOURCES

__all__ = ["LEAFLET_DIR", "leaflet_css", "leaflet_js", "leaflet_licence", "leaflet_version"]

#: Where the vendored Leaflet lives.
LEAFLET_DIR: Path = RESOURCES / "web" / "leaflet"

_URL_RE = re.compile(r"url\((images/[\w.-]+\.png)\)")
_SOURCEMAP_RE = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)


def _read(name: str) -> str:
    path = LEAFLET_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing: the offline HTML map needs the vendored Leaflet "
            "(see resources/web/README.md)."
        )
    return path.read_text(encoding="utf-8")


@cache
def leaflet_js() -> str:
    """Leaflet's JavaScript without its source-map comment."""
    return _SOURCEMAP_RE.sub("", _read("leaflet.js"))


@cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images embedded as ``data:`` URIs."""

    def embed(match: re.Match[str]) -> str:
        data = (LEAFLET_DIR / match.group(1)).read_bytes()
        return "url(data:image/png;base64," + base64.b64encode(data).decode("ascii") + ")"

    return _URL_RE.sub(embed, _read("leaflet.css"))


def leaflet_licence() -> str:
    """Leaflet's licence text (kept in the page as a comment)."""
    return _read("LICENSE")


def leaflet_version() -> str:
    """Version string Leaflet reports (``L.version``)."""
    match = re.search(r'\.version="([^"]+)"', _read("leaflet.js"))
    return match.group(1) if match else "unknown"
