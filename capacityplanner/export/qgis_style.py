"""QGIS QML and OGC SLD style documents from the renderer's style classes.

:class:`LayerStyleSpec` wraps a :mod:`capacityplanner.render.style` style
(single, categorized or graduated) with the options the GeoPackage export
needs; :func:`style_qml` and :func:`style_sld` write it as the XML that QGIS
stores in a GeoPackage's ``layer_styles`` table. Sizes and widths are in
points (QGIS unit ``Point``), colours ``r,g,b,a``. A ``brede_field`` draws the
features where that field is 1 as a star with a thick outline (QML: a
data-defined shape and outline width; SLD: separate rules).
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Literal

from capacityplanner.render.style import (
    CategorizedStyle,
    GraduatedStyle,
    SingleStyle,
    Style,
    Symbol,
)

__all__ = ["GeometryKind", "LayerStyleSpec", "style_qml", "style_sld"]

GeometryKind = Literal["point", "line", "polygon"]
_QGIS_VERSION = "3.28.0"
_LAYER_GEOMETRY_TYPE = {"point": "0", "line": "1", "polygon": "2"}
_SYMBOL_TYPE = {"point": "marker", "line": "line", "polygon": "fill"}
_SLD_NS = {
    "": "http://www.opengis.net/sld",
    "ogc": "http://www.opengis.net/ogc",
    "se": "http://www.opengis.net/se",
    "xlink": "http://www.w3.org/1999/xlink",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_SE = "{http://www.opengis.net/se}"
_OGC = "{http://www.opengis.net/ogc}"
_SLD = "{http://www.opengis.net/sld}"
for _prefix, _uri in _SLD_NS.items():
    ET.register_namespace(_prefix, _uri)


@dataclass
class LayerStyleSpec:
    """A layer's style as stored in the GeoPackage.

    Parameters
    ----------
    style : SingleStyle, CategorizedStyle or GraduatedStyle
        How features are drawn (the renderer's style data).
    name : str
        ``styleName`` in ``layer_styles`` (QGIS lists it in the style manager).
    description : str
        ``description`` in ``layer_styles``.
    brede_field : str, optional
        Point layers: features with this field = 1 are drawn as a star with a thick outline.
    label_field : str, optional
        Field whose value QGIS writes next to each feature.
    """

    style: Style
    name: str = "default"
    description: str = ""
    brede_field: str | None = None
    label_field: str | None = None

    def fields(self) -> list[str]:
        """Fields the style reads."""
        out = [getattr(self.style, "field", None), self.brede_field, self.label_field]
        return [f for f in out if f]


def _rgba(color: str | None, opacity: float = 1.0) -> str:
    if not color:
        return "0,0,0,0"
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"{r},{g},{b},{round(255 * opacity)}"


def _num(x: float) -> str:
    return f"{x:.10g}"


def _props(layer: ET.Element, values: dict[str, str]) -> None:
    for k, v in values.items():
        ET.SubElement(layer, "prop", k=k, v=v)


def _symbol_xml(
    symbol: Symbol, name: str, kind: GeometryKind, brede_field: str | None
) -> ET.Element:
    sym = ET.SubElement(
        ET.Element("dummy"),
        "symbol",
        type=_SYMBOL_TYPE[kind],
        name=name,
        alpha="1",
        clip_to_extent="1",
        force_rhr="0",
    )
    stroke_style = "no" if symbol.stroke is None else ("dash" if symbol.dashed else "solid")
    if kind == "point":
        layer = ET.SubElement(
            sym, "layer", {"class": "SimpleMarker", "enabled": "1", "locked": "0", "pass": "0"}
        )
        _props(
            layer,
            {
                "name": symbol.marker,
                "color": _rgba(symbol.fill, symbol.fill_opacity),
                "outline_color": _rgba(symbol.stroke),
                "outline_style": stroke_style,
                "outline_width": _num(symbol.stroke_width),
                "outline_width_unit": "Point",
                "size": _num(symbol.size),
                "size_unit": "Point",
                "scale_method": "diameter",
            },
        )
        if brede_field:
            _data_defined(
                layer,
                {
                    "name": f"CASE WHEN \"{brede_field}\" = 1 THEN 'star' ELSE '{symbol.marker}' END",
                    "outlineWidth": f'CASE WHEN "{brede_field}" = 1 THEN {_num(max(2.5, 2.5 * symbol.stroke_width))} '
                    f"ELSE {_num(symbol.stroke_width)} END",
                },
            )
    elif kind == "line":
        layer = ET.SubElement(
            sym, "layer", {"class": "SimpleLine", "enabled": "1", "locked": "0", "pass": "0"}
        )
        _props(
            layer,
            {
                "line_color": _rgba(symbol.stroke or symbol.fill, symbol.fill_opacity),
                "line_style": "dash" if symbol.dashed else "solid",
                "line_width": _num(symbol.stroke_width),
                "line_width_unit": "Point",
                "capstyle": "round",
                "joinstyle": "round",
            },
        )
    else:
        layer = ET.SubElement(
            sym, "layer", {"class": "SimpleFill", "enabled": "1", "locked": "0", "pass": "0"}
        )
        _props(
            layer,
            {
                "color": _rgba(symbol.fill, symbol.fill_opacity),
                "style": "no" if symbol.fill is None else "solid",
                "outline_color": _rgba(symbol.stroke),
                "outline_style": stroke_style,
                "outline_width": _num(symbol.stroke_width),
                "outline_width_unit": "Point",
                "joinstyle": "bevel",
            },
        )
    return sym


def _data_defined(layer: ET.Element, expressions: dict[str, str]) -> None:
    ddp = ET.SubElement(layer, "data_defined_properties")
    root = ET.SubElement(ddp, "Option", type="Map")
    ET.SubElement(root, "Option", name="name", value="", type="QString")
    props = ET.SubElement(root, "Option", name="properties", type="Map")
    for key, expression in expressions.items():
        prop = ET.SubElement(props, "Option", name=key, type="Map")
        ET.SubElement(prop, "Option", name="active", value="true", type="bool")
        ET.SubElement(prop, "Option", name="expression", value=expression, type="QString")
        ET.SubElement(prop, "Option", name="type", value="3", type="int")
    ET.SubElement(root, "Option", name="type", value="collection", type="QString")


def style_qml(spec: LayerStyleSpec, kind: GeometryKind) -> str:
    """The QGIS style document (QML) of a layer style."""
    root = ET.Element("qgis", version=_QGIS_VERSION, styleCategories="Symbology|Labeling")
    style = spec.style
    attrs = {"symbollevels": "0", "enableorderby": "0", "forceraster": "0"}
    symbols = style.symbols()
    if isinstance(style, GraduatedStyle):
        renderer = ET.SubElement(
            root,
            "renderer-v2",
            type="graduatedSymbol",
            attr=style.field,
            graduatedMethod="GraduatedColor",
            **attrs,
        )
        ranges = ET.SubElement(renderer, "ranges")
        for i, cls in enumerate(style.classes):
            ET.SubElement(
                ranges,
                "range",
                lower=_num(cls.lower),
                upper=_num(cls.upper),
                label=cls.label,
                symbol=str(i),
                render="true",
            )
    elif isinstance(style, CategorizedStyle):
        renderer = ET.SubElement(
            root, "renderer-v2", type="categorizedSymbol", attr=style.field, **attrs
        )
        cats = ET.SubElement(renderer, "categories")
        for i, cat in enumerate(style.categories):
            kind_attr = "string" if isinstance(cat.value, str) else "double"
            ET.SubElement(
                cats,
                "category",
                value=str(cat.value),
                label=cat.label,
                symbol=str(i),
                render="true",
                type=kind_attr,
            )
        if style.other is not None:
            n = len(style.categories)
            ET.SubElement(
                cats,
                "category",
                value="",
                label=style.other_label,
                symbol=str(n),
                render="true",
                type="string",
            )
    elif isinstance(style, SingleStyle):
        renderer = ET.SubElement(root, "renderer-v2", type="singleSymbol", **attrs)
    else:  # pragma: no cover - guarded by the type
        raise TypeError(f"unsupported style {type(style).__name__}")
    sym_el = ET.SubElement(renderer, "symbols")
    for i, symbol in enumerate(symbols):
        sym_el.append(
            _symbol_xml(symbol, str(i), kind, spec.brede_field if kind == "point" else None)
        )
    if spec.label_field:
        labeling = ET.SubElement(root, "labeling", type="simple")
        settings = ET.SubElement(labeling, "settings", calloutType="simple")
        ET.SubElement(
            settings,
            "text-style",
            fieldName=spec.label_field,
            isExpression="0",
            fontSize="8",
            fontSizeUnit="Point",
            textColor="34,34,34,255",
            fontFamily="DejaVu Sans",
        )
        buffer = ET.SubElement(settings.find("text-style"), "text-buffer")
        buffer.set("bufferDraw", "1")
        buffer.set("bufferSize", "0.8")
        buffer.set("bufferColor", "255,255,255,255")
        ET.SubElement(settings, "placement", placement="0" if kind == "polygon" else "6")
    ET.SubElement(root, "layerGeometryType").text = _LAYER_GEOMETRY_TYPE[kind]
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(
        root, encoding="unicode"
    )


def _sld_filter(conditions: list[ET.Element]) -> ET.Element | None:
    if not conditions:
        return None
    flt = ET.Element(f"{_OGC}Filter")
    if len(conditions) == 1:
        flt.append(conditions[0])
    else:
        both = ET.SubElement(flt, f"{_OGC}And")
        both.extend(conditions)
    return flt


def _compare(op: str, field_name: str, value: object) -> ET.Element:
    el = ET.Element(f"{_OGC}{op}")
    ET.SubElement(el, f"{_OGC}PropertyName").text = field_name
    ET.SubElement(el, f"{_OGC}Literal").text = str(value)
    return el


def _sld_params(parent: ET.Element, tag: str, params: dict[str, str]) -> None:
    el = ET.SubElement(parent, f"{_SE}{tag}")
    for k, v in params.items():
        ET.SubElement(el, f"{_SE}SvgParameter", name=k).text = v


def _sld_symbolizer(
    rule: ET.Element, symbol: Symbol, kind: GeometryKind, star: bool = False
) -> None:
    stroke = {
        "stroke": symbol.stroke or "#000000",
        "stroke-width": _num(symbol.stroke_width * (2.5 if star else 1)),
    }
    if symbol.dashed:
        stroke["stroke-dasharray"] = "4 2"
    if kind == "point":
        sym = ET.SubElement(rule, f"{_SE}PointSymbolizer")
        graphic = ET.SubElement(sym, f"{_SE}Graphic")
        mark = ET.SubElement(graphic, f"{_SE}Mark")
        ET.SubElement(mark, f"{_SE}WellKnownName").text = "star" if star else symbol.marker
        _sld_params(
            mark,
            "Fill",
            {"fill": symbol.fill or "#ffffff", "fill-opacity": _num(symbol.fill_opacity)},
        )
        if symbol.stroke:
            _sld_params(mark, "Stroke", stroke)
        ET.SubElement(graphic, f"{_SE}Size").text = _num(symbol.size)
    elif kind == "line":
        sym = ET.SubElement(rule, f"{_SE}LineSymbolizer")
        _sld_params(sym, "Stroke", {**stroke, "stroke": symbol.stroke or symbol.fill or "#000000"})
    else:
        sym = ET.SubElement(rule, f"{_SE}PolygonSymbolizer")
        if symbol.fill:
            _sld_params(
                sym, "Fill", {"fill": symbol.fill, "fill-opacity": _num(symbol.fill_opacity)}
            )
        if symbol.stroke:
            _sld_params(sym, "Stroke", stroke)


def style_sld(spec: LayerStyleSpec, layer_name: str, kind: GeometryKind) -> str:
    """The OGC SLD 1.1 document of a layer style (rules with filters)."""
    root = ET.Element(f"{_SLD}StyledLayerDescriptor", version="1.1.0")
    root.set(
        f"{{{_SLD_NS['xsi']}}}schemaLocation",
        "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd",
    )
    named = ET.SubElement(root, f"{_SLD}NamedLayer")
    ET.SubElement(named, f"{_SE}Name").text = layer_name
    user = ET.SubElement(named, f"{_SLD}UserStyle")
    ET.SubElement(user, f"{_SE}Name").text = spec.name
    fts = ET.SubElement(user, f"{_SE}FeatureTypeStyle")
    style = spec.style
    rules: list[tuple[str, list[ET.Element], Symbol]] = []
    if isinstance(style, GraduatedStyle):
        for i, cls in enumerate(style.classes):
            lower_op = "PropertyIsGreaterThanOrEqualTo" if i == 0 else "PropertyIsGreaterThan"
            conds = [
                _compare(lower_op, style.field, _num(cls.lower)),
                _compare("PropertyIsLessThanOrEqualTo", style.field, _num(cls.upper)),
            ]
            rules.append((cls.label, conds, cls.symbol))
    elif isinstance(style, CategorizedStyle):
        for cat in style.categories:
            rules.append(
                (cat.label, [_compare("PropertyIsEqualTo", style.field, cat.value)], cat.symbol)
            )
    else:
        rules.append((getattr(style, "label", "") or layer_name, [], style.symbol))
    brede = spec.brede_field if kind == "point" else None
    for label, conds, symbol in rules:
        variants = [(label, conds, False)]
        if brede:
            variants = [
                (label, [*copy.deepcopy(conds), _compare("PropertyIsNotEqualTo", brede, 1)], False),
                (
                    f"{label} (brede site)",
                    [*copy.deepcopy(conds), _compare("PropertyIsEqualTo", brede, 1)],
                    True,
                ),
            ]
        for text, cond_list, star in variants:
            rule = ET.SubElement(fts, f"{_SE}Rule")
            ET.SubElement(rule, f"{_SE}Name").text = text
            desc = ET.SubElement(rule, f"{_SE}Description")
            ET.SubElement(desc, f"{_SE}Title").text = text
            flt = _sld_filter(cond_list)
            if flt is not None:
                rule.append(flt)
            _sld_symbolizer(rule, symbol, kind, star)
    return ET.tostring(root, encoding="unicode", xml_declaration=False)
