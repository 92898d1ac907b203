"""The on-disk distance cache: hits, misses, corrupt entries, keys."""

import importlib

import numpy as np
import scipy.sparse as sp

from capacityplanner.geodata import distance_cache
from capacityplanner.geodata.distance_cache import cache_key, cached_distance_matrix


class Counter:
    def __init__(self, matrix):
        self.matrix = matrix
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.matrix


def sample():
    return sp.csr_matrix(np.array([[1.0, 0.0, 250.5], [0.0, 3.25, 0.0]]))


def parts(**extra):
    base = {
        "network": "abc",
        "mode": "bike",
        "origins": np.array([[1.0, 2.0], [3.0, 4.0]]),
        "destinations": np.array([[5.0, 6.0]] * 3),
        "limit_m": 5000,
        "limit_min": None,
        "weight": "metres",
    }
    base.update(extra)
    return base


def test_hit_returns_same_matrix_without_recomputing(tmp_path):
    compute = Counter(sample())
    first = cached_distance_matrix(tmp_path, parts(), compute)
    second = cached_distance_matrix(tmp_path, parts(), compute)
    assert compute.calls == 1
    assert isinstance(second, sp.csr_matrix)
    assert (first != second).nnz == 0
    np.testing.assert_array_equal(second.toarray(), sample().toarray())
    assert [p.suffix for p in tmp_path.iterdir()] == [".npz"]


def test_any_changed_input_is_a_miss(tmp_path):
    compute = Counter(sample())
    cached_distance_matrix(tmp_path, parts(), compute)
    moved = np.array([[1.0, 2.0], [3.0, 4.5]])
    for changed in (
        parts(origins=moved),
        parts(limit_m=1500),
        parts(weight="minutes"),
        parts(mode="walk"),
        parts(network="abd"),
    ):
        cached_distance_matrix(tmp_path, changed, compute)
    assert compute.calls == 6


def test_key_is_stable_and_order_independent():
    a = parts()
    b = dict(reversed(list(parts().items())))
    assert cache_key(a) == cache_key(b)
    assert cache_key(parts(limit_m=None)) != cache_key(parts(limit_m=0))


def test_corrupt_entry_is_recomputed_and_replaced(tmp_path):
    compute = Counter(sample())
    cached_distance_matrix(tmp_path, parts(), compute)
    (entry,) = tmp_path.glob("*.npz")
    entry.write_bytes(b"not a zip file at all")
    again = cached_distance_matrix(tmp_path, parts(), compute)
    assert compute.calls == 2
    np.testing.assert_array_equal(again.toarray(), sample().toarray())
    cached_distance_matrix(tmp_path, parts(), compute)
    assert compute.calls == 2  # the rewritten entry is readable again
    assert not list(tmp_path.glob(".tmp-*"))


def test_truncated_entry_is_recomputed(tmp_path):
    compute = Counter(sample())
    cached_distance_matrix(tmp_path, parts(), compute)
    (entry,) = tmp_path.glob("*.npz")
    entry.write_bytes(entry.read_bytes()[:40])
    cached_distance_matrix(tmp_path, parts(), compute)
    assert compute.calls == 2


def test_cache_dir_env_override(monkeypatch, tmp_path):
    monkeypatch.setenv("CAPACITYPLANNER_CACHE", str(tmp_path / "c"))
    module = importlib.reload(distance_cache)
    try:
        assert module.DEFAULT_CACHE_DIR == tmp_path / "c"
    finally:
        monkeypatch.delenv("CAPACITYPLANNER_CACHE")
        importlib.reload(distance_cache)
