"""Disk cache for distance matrices, keyed by a sha256 of everything that decides them.

A street-network matrix for the whole city takes a fraction of a second to a few seconds;
the GUI asks for the same one again and again while a planner changes other assumptions.
Entries are ``<sha256>.npz`` files (:func:`scipy.sparse.save_npz`) in the cache folder.
Writes are atomic (temporary file, then :func:`os.replace`), so a crash never leaves a
half-written entry under a real key; an entry that cannot be read is recomputed.

The folder is :data:`DEFAULT_CACHE_DIR`: ``$CAPACITYPLANNER_CACHE`` when set, else the
platform cache folder (``~/.cache/capacityplanner/distances`` on Linux,
``~/Library/Caches/capacityplanner/distances`` on macOS,
``%LOCALAPPDATA%\\capacityplanner\\Cache\\distances`` on Windows).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

#: Environment variable that overrides the cache folder.
CACHE_ENV = "CAPACITYPLANNER_CACHE"


def default_cache_dir() -> Path:
    """The cache folder: ``$CAPACITYPLANNER_CACHE`` or the platform's user cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return base / "capacityplanner" / "Cache" / "distances"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "capacityplanner" / "distances"
    base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return base / "capacityplanner" / "distances"


#: Cache folder chosen when this module was imported (see :func:`default_cache_dir`).
DEFAULT_CACHE_DIR: Path = default_cache_dir()


def _feed(h: Any, value: Any) -> None:
    """Feed ``value`` into the hash unambiguously (type, shape and bytes for arrays)."""
    if isinstance(value, np.ndarray):
        arr = np.ascontiguousarray(value)
        h.update(f"ndarray:{arr.dtype.str}:{arr.shape}:".encode())
        h.update(arr.tobytes())
    elif isinstance(value, Mapping):
        h.update(f"map:{len(value)}:".encode())
        for key in sorted(value, key=str):
            _feed(h, str(key))
            _feed(h, value[key])
    elif isinstance(value, list | tuple):
        h.update(f"seq:{len(value)}:".encode())
        for item in value:
            _feed(h, item)
    else:
        if isinstance(value, np.generic):
            value = value.item()
        text = json.dumps(value, sort_keys=True, default=repr)
        h.update(f"val:{len(text)}:{text}".encode())


def cache_key(key_parts: Mapping[str, Any]) -> str:
    """sha256 hex digest of ``key_parts`` (a mapping of str to JSON-like values or arrays).

    Arrays contribute dtype, shape and bytes, so the same coordinates give the same key
    and any change in them (or in order) gives another.
    """
    h = hashlib.sha256(b"capacityplanner-distance-cache-v1\0")
    _feed(h, key_parts)
    return h.hexdigest()


def distance_key_parts(
    network: Any,
    origins: np.ndarray,
    destinations: np.ndarray,
    limit_m: float | None = None,
    limit_min: float | None = None,
    weight: str = "metres",
) -> dict[str, Any]:
    """The key parts for a :meth:`StreetNetwork.distance_matrix` call.

    Example
    -------
    >>> parts = distance_key_parts(net, o, d, limit_m=5000)               # doctest: +SKIP
    >>> m = cached_distance_matrix(DEFAULT_CACHE_DIR, parts,
    ...                            lambda: net.distance_matrix(o, d, limit_m=5000))  # doctest: +SKIP
    """
    return {
        "network": network.fingerprint,
        "mode": network.mode,
        "origins": np.asarray(origins, dtype=np.float64),
        "destinations": np.asarray(destinations, dtype=np.float64),
        "limit_m": limit_m,
        "limit_min": limit_min,
        "weight": weight,
    }


def _load(path: Path) -> sp.csr_matrix | None:
    try:
        return sp.csr_matrix(sp.load_npz(path))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None  # corrupt or foreign file: recompute and overwrite


def cached_distance_matrix(
    cache_dir: Path,
    key_parts: Mapping[str, Any],
    compute: Callable[[], sp.csr_matrix],
) -> sp.csr_matrix:
    """Return the cached matrix for ``key_parts``, computing and storing it when missing.

    Parameters
    ----------
    cache_dir : Path
        Folder of the cache (created when missing), e.g. :data:`DEFAULT_CACHE_DIR`.
    key_parts : mapping
        Everything that decides the matrix: network fingerprint, mode, point coordinates,
        limits, weight (see :func:`distance_key_parts`).
    compute : callable
        Called without arguments when the entry is missing or unreadable.

    Returns
    -------
    scipy.sparse.csr_matrix
    """
    cache_dir = Path(cache_dir)
    path = cache_dir / f"{cache_key(key_parts)}.npz"
    hit = _load(path)
    if hit is not None:
        return hit
    matrix = sp.csr_matrix(compute())
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npz", dir=cache_dir)
        os.close(fd)
        try:
            sp.save_npz(tmp, matrix, compressed=True)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:  # a read-only or full disk costs the cache, never the result
        warnings.warn(f"Distance cache {cache_dir} not written: {exc}", stacklevel=2)
    return matrix
