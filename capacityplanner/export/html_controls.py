"""Page furniture of the offline HTML map: inlined Leaflet, panes, title, legend, footer.

Everything is plain HTML, CSS and JavaScript written into the page; nothing
refers to a file or a server.
"""

from __future__ import annotations

import html

from branca.element import Element, MacroElement
from folium.template import Template

from capacityplanner.export.web_assets import leaflet_css, leaflet_js, leaflet_version

__all__ = [
    "InlineLeaflet",
    "LayerCounts",
    "Legend",
    "PAGE_CSS",
    "PageText",
    "Panes",
    "dot_row",
    "line_row",
    "swatch_row",
]

#: Styles of the title, legend and footer boxes.
PAGE_CSS = """
body, .leaflet-container { background: #f4f3ee; font-family: "DejaVu Sans", Arial, sans-serif; }
.cp-box { background: rgba(255,255,255,0.93); padding: 6px 10px; border-radius: 4px;
          box-shadow: 0 1px 4px rgba(0,0,0,0.35); font-size: 12px; line-height: 1.35; }
.cp-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%);
            z-index: 1000; text-align: center; max-width: 60%; }
.cp-title h1 { font-size: 17px; margin: 0; }
.cp-title div { font-size: 12px; color: #333; }
.cp-legend h4 { margin: 4px 0 3px 0; font-size: 12px; }
.cp-legend .row { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
.cp-swatch { width: 16px; height: 12px; border: 1px solid #555; flex: none; }
.cp-dot { border-radius: 50%; flex: none; box-sizing: border-box; }
.cp-line { width: 18px; height: 0; border-top: 2px solid #555; flex: none; }
.cp-footer { max-width: 520px; font-size: 11px; }
.cp-notice { background: #fff3bf; border-left: 4px solid #e6a700; padding: 2px 6px; margin: 3px 0; }
.cp-popup table { border-collapse: collapse; font-size: 12px; }
.cp-popup th, .cp-popup td { padding: 1px 6px; text-align: right; }
.cp-popup th:first-child, .cp-popup td:first-child { text-align: left; }
.cp-popup tr.cp-chosen { font-weight: bold; background: #eef3ff; }
.cp-popup .neg { color: #b2182b; }
.cp-popup .cp-ill { color: #8a6d00; font-style: italic; }
"""


class InlineLeaflet(Element):
    """Leaflet's JS and CSS and the page styles, inlined into the page header."""

    def __init__(self) -> None:
        css = leaflet_css() + PAGE_CSS
        js = leaflet_js().replace("</script", "<\\/script")
        super().__init__(
            f"<!-- Leaflet {leaflet_version()} (BSD-2-Clause, (c) Volodymyr Agafonkin, CloudMade) -->\n"
            f"<style>{css}</style>\n<script>{js}</script>\n"
        )


class Panes(MacroElement):
    """Map panes and shared renderers.

    Wijken (SVG, one ``path`` per wijk) lie under the base map; the streets and
    parks (one canvas, fast for 14,000 segments) lie above them but let clicks
    through; sites and plan layers (SVG) are on top.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.map }}.createPane("cpWijken");
        {{ this.map }}.getPane("cpWijken").style.zIndex = 250;
        {{ this.map }}.createPane("cpBase");
        {{ this.map }}.getPane("cpBase").style.zIndex = 350;
        {{ this.map }}.getPane("cpBase").style.pointerEvents = "none";
        var cp_wijken_renderer = L.svg({pane: "cpWijken"});
        var cp_base_renderer = L.canvas({pane: "cpBase", padding: 0.5});
        var cp_sites_renderer = L.svg({pane: "overlayPane"});
        {% endmacro %}
        """
    )

    def __init__(self, map_name: str) -> None:
        super().__init__()
        self._name = "Panes"
        self.map = map_name


class _Control(MacroElement):
    """A fixed HTML box in a map corner (an ``L.Control``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
            div.innerHTML = {{ this.inner|tojson }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, inner_html: str, position: str, css_class: str) -> None:
        super().__init__()
        self._name = "CpControl"
        self.inner = inner_html
        self.position = position
        self.css_class = css_class


class PageText(MacroElement):
    """Title box (top centre) and footer with credit, notice and version (bottom left)."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="cp-box cp-title" id="cp-title"><h1>{{ this.title|e }}</h1>
        {%- if this.subtitle %}<div>{{ this.subtitle|e }}</div>{% endif %}</div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomleft"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "cp-box cp-footer");
            div.id = "cp-footer";
            div.innerHTML = {{ this.footer|tojson }};
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, title: str, subtitle: str, credit: str, notice: str, version: str) -> None:
        super().__init__()
        self._name = "PageText"
        self.title = title
        self.subtitle = subtitle
        parts = [f'<div id="cp-credit">{html.escape(credit)}</div>']
        if notice:
            parts.append(f'<div class="cp-notice" id="cp-notice">{html.escape(notice)}</div>')
        parts.append(f'<div id="cp-version">{html.escape(version)}</div>')
        self.footer = "".join(parts)


class Legend(_Control):
    """Legend box (bottom right) from prepared rows."""

    def __init__(self, sections: list[tuple[str, list[str]]]) -> None:
        body = "".join(
            f"<h4>{html.escape(head)}</h4>" + "".join(rows) for head, rows in sections if rows
        )
        super().__init__(f'<div id="cp-legend">{body}</div>', "bottomright", "cp-box cp-legend")


def swatch_row(color: str, label: str, opacity: float = 0.75) -> str:
    """Legend row with a filled square."""
    return (
        f'<div class="row"><span class="cp-swatch" style="background:{color};opacity:{opacity}">'
        f"</span>{html.escape(label)}</div>"
    )


def dot_row(fill: str | None, stroke: str, label: str, size: int = 12, weight: int = 1) -> str:
    """Legend row with a circle."""
    bg = fill or "transparent"
    return (
        f'<div class="row"><span class="cp-dot" style="width:{size}px;height:{size}px;'
        f'background:{bg};border:{weight}px solid {stroke}"></span>{html.escape(label)}</div>'
    )


def line_row(color: str, label: str, width: float = 2, dashed: bool = False) -> str:
    """Legend row with a line."""
    style = "dashed" if dashed else "solid"
    return (
        f'<div class="row"><span class="cp-line" style="border-top:{width}px {style} {color}">'
        f"</span>{html.escape(label)}</div>"
    )


class LayerCounts(MacroElement):
    """Publishes ``window.cpCounts``: features Leaflet built per layer, once the page is ready.

    The counts come from the Leaflet layers themselves (``getLayers().length``),
    so a browser test checks what was drawn, not what Python meant to draw.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.cpCounts = {};
        {%- for key, var in this.layers %}
        window.cpCounts[{{ key|tojson }}] = {{ var }}.getLayers().length;
        {%- endfor %}
        document.documentElement.setAttribute("data-cp-ready", "1");
        {% endmacro %}
        """
    )

    def __init__(self, layers: dict[str, str]) -> None:
        super().__init__()
        self._name = "LayerCounts"
        self.layers = list(layers.items())
