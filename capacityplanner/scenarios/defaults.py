"""A new scenario from the shipped data set: layer references and default assumptions."""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
import pandas as pd
import shapely

from capacityplanner.scenarios.model import Scenario

#: Layers a scenario typically edits; they start as copies of the data set's.
EDITABLE_LAYERS = ("woonprojecten", "kandidaatsites")
CAPACITY_CHANGES = "capaciteitswijzigingen"


def layer_hash(frame: pd.DataFrame) -> str:
    """sha256 of a layer's content: column names, dtypes, values and geometries (WKB).

    Equal for equal content whatever the process or machine; a changed value,
    row order, column or geometry changes it.
    """
    h = hashlib.sha256()
    for name in frame.columns:
        series = frame[name]
        h.update(repr((name, str(series.dtype))).encode())
        if str(series.dtype) == "geometry":
            wkb = shapely.to_wkb(np.asarray(series.array, dtype=object), byte_order=1, flavor="iso")
            for w in wkb:
                h.update(b"\x00" if w is None else len(w).to_bytes(4, "little") + w)
        else:
            values = pd.util.hash_pandas_object(series, index=False).to_numpy()
            h.update(values.tobytes())
    h.update(str(len(frame)).encode())
    return h.hexdigest()


def scenario_from_dataset(
    name: str, dataset: Any | None = None, author: str | None = None, params: dict | None = None
) -> Scenario:
    """A new, unsaved scenario on the data set's defaults.

    Parameters
    ----------
    name : str
        Scenario name.
    dataset : object, optional
        Anything with ``layers`` (dict of layer name to (Geo)DataFrame), optionally
        ``tables`` (dict of name to DataFrame), and ``info`` (dict); default: :func:`capacityplanner.geodata.dataset.load_dataset`.
    author : str, optional
        Default: the login name.
    params : dict, optional
        Parameters (default: the forecast defaults of :class:`ForecastParams`).
    """
    if dataset is None:
        from capacityplanner.geodata.dataset import load_dataset

        dataset = load_dataset()
    layers = dict(dataset.layers)
    layers.update(getattr(dataset, "tables", {}) or {})
    info = dict(getattr(dataset, "info", {}) or {})
    if params is None:
        from capacityplanner.models.params import ForecastParams

        params = {"forecast": ForecastParams().to_dict()}
    kwargs: dict[str, Any] = {} if author is None else {"author": author}
    return Scenario(
        name=name,
        data_version=str(info.get("version", "")),
        layer_refs={k: layer_hash(v) for k, v in sorted(layers.items())},
        layers={k: layers[k].copy() for k in EDITABLE_LAYERS if k in layers},
        capacity_changes=(
            layers[CAPACITY_CHANGES].copy() if CAPACITY_CHANGES in layers else pd.DataFrame()
        ),
        params=params,
        notes=f"Made from the data set {info.get('version', '')}".strip(),
        **kwargs,
    )
