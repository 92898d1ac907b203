"""Vector layers for the offline HTML map: compact GeoJSON and their Leaflet elements.

Each layer is embedded once as GeoJSON in EPSG:4326 with rounded coordinates.
A feature carries only what the page needs, in short private properties:
``_s`` (index into the layer's style list), ``_r`` (marker radius),
``_c`` (CSS class, so a test or a user script can find the feature in the DOM),
``_p`` (popup HTML) and ``_t`` (tooltip text).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from folium.map import Layer
from folium.template import Template

__all__ = ["VectorLayer", "features_json"]


def features_json(
    gdf: gpd.GeoDataFrame,
    properties: pd.DataFrame | None = None,
    *,
    precision: int = 6,
    simplify_m: float | None = None,
) -> tuple[str, int]:
    """A GeoJSON FeatureCollection string in EPSG:4326 with rounded coordinates.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Features in a projected CRS (EPSG:31370 in the tool).
    properties : pandas.DataFrame, optional
        Properties per feature, aligned with ``gdf`` (JSON-serialisable values).
    precision : int
        Decimals kept in longitude and latitude (6 is about 0.1 m).
    simplify_m : float, optional
        Douglas-Peucker tolerance in the layer's CRS units, applied before
        reprojection (points are unaffected).

    Returns
    -------
    (str, int)
        The FeatureCollection and the number of features in it (features
        without geometry are left out).
    """
    geoms = gdf.geometry
    keep = ~(geoms.isna() | geoms.is_empty).to_numpy()
    geoms = geoms[keep]
    if simplify_m:
        geoms = geoms.simplify(simplify_m, preserve_topology=True)
    if gdf.crs is not None:
        geoms = geoms.to_crs(4326)
    rounded = shapely.transform(geoms.values, lambda xy: np.round(xy, precision))
    geo_strings = shapely.to_geojson(np.asarray(rounded, dtype=object))
    if properties is None:
        prop_strings: Sequence[str] = ["{}"] * len(geo_strings)
    else:
        records = properties.loc[keep].to_dict(orient="records")
        prop_strings = [
            json.dumps(_clean(r), ensure_ascii=False, separators=(",", ":")) for r in records
        ]
    parts = [
        '{"type":"Feature","geometry":' + g + ',"properties":' + p + "}"
        for g, p in zip(geo_strings, prop_strings, strict=True)
    ]
    return '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}", len(parts)


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Turn numpy scalars and missing values into plain JSON values."""
    out = {}
    for key, value in record.items():
        if value is None or (isinstance(value, float) and np.isnan(value)):
            continue
        if isinstance(value, np.generic):
            value = value.item()
        out[key] = value
    return out


class VectorLayer(Layer):
    """A GeoJSON layer drawn by a given Leaflet renderer, with per-feature styles.

    Parameters
    ----------
    data : str
        GeoJSON FeatureCollection (from :func:`features_json`).
    name : str
        Name shown in the layer control.
    styles : list of dict
        Leaflet path options; a feature uses ``styles[_s]``.
    renderer : str
        JavaScript expression of the renderer (a variable holding ``L.svg()`` or ``L.canvas()``).
    interactive : bool
        Whether features take clicks (popups); base-map layers do not.
    show : bool
        Whether the layer is visible when the page opens.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_styles = {{ this.styles_json }};
        var {{ this.get_name() }} = L.geoJSON({{ this.data }}, {
            renderer: {{ this.renderer }},
            interactive: {{ this.interactive|tojson }},
            style: function (f) {
                var s = {{ this.get_name() }}_styles[f.properties._s || 0];
                return f.properties._c ? Object.assign({}, s, {className: f.properties._c}) : s;
            },
            pointToLayer: function (f, latlng) {
                var s = Object.assign({}, {{ this.get_name() }}_styles[f.properties._s || 0]);
                s.renderer = {{ this.renderer }};
                s.interactive = {{ this.interactive|tojson }};
                s.radius = f.properties._r || 5;
                if (f.properties._c) { s.className = f.properties._c; }
                return L.circleMarker(latlng, s);
            },
            onEachFeature: function (f, layer) {
                if (f.properties._p) { layer.bindPopup(f.properties._p, {maxWidth: 380}); }
                if (f.properties._t) { layer.bindTooltip(f.properties._t, {sticky: true}); }
            }
        });
        {% endmacro %}
        """
    )

    def __init__(
        self,
        data: str,
        name: str,
        styles: list[dict[str, Any]],
        renderer: str,
        *,
        interactive: bool = True,
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "VectorLayer"
        self.data = data
        self.styles_json = json.dumps(styles, ensure_ascii=False)
        self.renderer = renderer
        self.interactive = interactive
