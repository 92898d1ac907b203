"""``capacityplanner layers``: the layers and tables of the current data set."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``layers`` command."""
    parser = subparsers.add_parser(
        "layers",
        help="list the layers and tables of the data set",
        description="List the layers of the data set with feature count, CRS, geometry type and "
        "whether they are illustrative, and the tables with their row counts.",
    )
    parser.add_argument("--data", metavar="GPKG", help="data set (default: the shipped Ghent data)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run_layers)


def describe_dataset(dataset: Any) -> list[dict[str, Any]]:
    """One entry per layer, then per table, of a loaded data set.

    Parameters
    ----------
    dataset : capacityplanner.geodata.dataset.Dataset
        The loaded data set.

    Returns
    -------
    list of dict
        ``name``, ``kind`` (``layer``/``table``), ``count``, ``crs``,
        ``geometry`` (geometry types joined by ``/``), ``illustrative``,
        ``description``.
    """
    entries = []
    for name, frame in dataset.layers.items():
        crs = frame.crs
        epsg = crs.to_epsg() if crs is not None else None
        types = sorted(set(frame.geom_type.dropna())) if len(frame) else []
        entries.append(
            {
                "name": name,
                "kind": "layer",
                "count": int(len(frame)),
                "crs": f"EPSG:{epsg}" if epsg else (crs.to_string() if crs is not None else None),
                "geometry": "/".join(types) or None,
                "illustrative": bool(dataset.is_illustrative(name)),
                "description": dataset.description(name),
            }
        )
    for name, frame in dataset.tables.items():
        entries.append(
            {
                "name": name,
                "kind": "table",
                "count": int(len(frame)),
                "crs": None,
                "geometry": None,
                "illustrative": bool(dataset.is_illustrative(name)),
                "description": dataset.description(name),
            }
        )
    return entries


def format_table(entries: list[dict[str, Any]]) -> str:
    """Aligned text table of :func:`describe_dataset` entries."""
    header = ("name", "kind", "count", "CRS", "geometry", "illustrative")
    rows = [
        (
            e["name"],
            e["kind"],
            f"{e['count']:,}",
            e["crs"] or "-",
            e["geometry"] or "-",
            "yes" if e["illustrative"] else "no",
        )
        for e in entries
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    right = {2}

    def line(cells) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def run_layers(args: argparse.Namespace) -> int:
    """Print the data set's layers and tables."""
    from capacityplanner.geodata.dataset import load_dataset

    dataset = load_dataset(args.data)
    entries = describe_dataset(dataset)
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
    else:
        print(f"{dataset.path}")
        print(format_table(entries))
        credit = getattr(dataset, "credit", "")
        if credit:
            print(credit)
    return 0
