"""An updatable spatial index of feature bounding boxes (``rtree``).

Shapely's STRtree is immutable; a map where sites are added, moved and
removed needs an index that follows each edit, so hit-testing and identify
go through :class:`SpatialIndex`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely

__all__ = ["SpatialIndex"]


class SpatialIndex:
    """Bounding boxes of features keyed by integer feature id.

    Parameters
    ----------
    ids : array-like of int
        Feature ids.
    geometries : array-like of shapely geometries
        One per id; missing or empty geometries are not indexed.

    Examples
    --------
    >>> import shapely
    >>> idx = SpatialIndex([1, 2], [shapely.Point(0, 0), shapely.Point(10, 10)])
    >>> idx.query((-1, -1, 1, 1))
    [1]
    """

    def __init__(self, ids: Iterable[int] = (), geometries: Iterable = ()) -> None:
        # rtree (and the libspatialindex it loads) is imported when the first index is
        # built, at the first identify or selection: drawing the map does not need it
        from rtree import index as rtree_index

        ids = np.asarray(list(ids) if not isinstance(ids, np.ndarray) else ids, dtype=np.int64)
        geoms = np.asarray(list(geometries), dtype=object)
        self._bounds: dict[int, tuple[float, float, float, float]] = {}
        props = rtree_index.Property()
        if len(ids):
            ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
            ids, bounds = ids[ok], shapely.bounds(geoms[ok])
            self._index = rtree_index.Index(
                (ids, np.ascontiguousarray(bounds[:, :2]), np.ascontiguousarray(bounds[:, 2:])),
                properties=props,
            )
            self._bounds = {
                int(i): tuple(b) for i, b in zip(ids.tolist(), bounds.tolist(), strict=False)
            }
        else:
            self._index = rtree_index.Index(properties=props)

    def __len__(self) -> int:
        return len(self._bounds)

    def __contains__(self, fid: int) -> bool:
        return int(fid) in self._bounds

    def insert(self, fid: int, geometry) -> None:
        """Index a new feature (or replace the entry of an existing id)."""
        fid = int(fid)
        if fid in self._bounds:
            self.remove(fid)
        if geometry is None or shapely.is_empty(geometry):
            return
        bounds = tuple(float(b) for b in shapely.bounds(geometry))
        self._index.insert(fid, bounds)
        self._bounds[fid] = bounds

    def move(self, fid: int, geometry) -> None:
        """Re-index a feature whose geometry changed."""
        self.insert(fid, geometry)

    def remove(self, fid: int) -> None:
        """Drop a feature from the index (no-op when absent)."""
        bounds = self._bounds.pop(int(fid), None)
        if bounds is not None:
            self._index.delete(int(fid), bounds)

    def query(self, bounds: tuple[float, float, float, float]) -> list[int]:
        """Ids whose bounding box intersects ``(xmin, ymin, xmax, ymax)``, sorted."""
        return sorted(int(i) for i in self._index.intersection(tuple(float(b) for b in bounds)))
