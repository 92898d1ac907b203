"""Autosave and recovery after a crash."""

from __future__ import annotations

import threading

from geopandas.testing import assert_geodataframe_equal

from capacityplanner.scenarios.autosave import (
    Autosaver,
    discard_recovery,
    find_recovery,
    load_recovery,
    recovery_path,
)
from capacityplanner.scenarios.model import ScenarioConflict
from capacityplanner.scenarios.storage import open_repository


def test_unsaved_edits_are_recovered_after_a_crash(db_url, samples, tmp_path):
    recovery_dir = tmp_path / "cache"
    with open_repository(db_url) as repo:
        repo.save(samples.scenario())
        working = repo.load("Basis")
    working.notes = "unsaved work"
    working.layers["kandidaatsites"].loc[0, "max_lager"] = 999

    autosaver = Autosaver(db_url, lambda: working, recovery_dir=recovery_dir)
    assert autosaver.save_now()
    working.notes = "more unsaved work"
    assert autosaver.save_now()
    # ... the program dies here; a new session looks for recovery:
    entries = find_recovery(db_url, recovery_dir=recovery_dir)
    assert [e.scenario for e in entries] == ["Basis"]
    assert entries[0].base_version == 1
    recovered = load_recovery(entries[0])
    assert recovered.notes == "more unsaved work"
    assert recovered.version == 1
    assert_geodataframe_equal(recovered.layers["kandidaatsites"], working.layers["kandidaatsites"])

    # Saving the recovered scenario to the project discards the recovery copy.
    with open_repository(db_url) as repo:
        autosaver.save_to(repo, recovered)
        assert repo.load("Basis").notes == "more unsaved work"
    assert find_recovery(db_url, recovery_dir=recovery_dir) == []
    assert not autosaver.path.exists()


def test_recovered_scenario_still_detects_someone_elses_save(db_url, samples, tmp_path):
    with open_repository(db_url, author="Els") as repo:
        repo.save(samples.scenario())
        mine = repo.load("Basis")
        Autosaver(db_url, lambda: mine, recovery_dir=tmp_path).save_now()
        other = repo.load("Basis")
        other.notes = "saved meanwhile"
        repo.save(other)
        recovered = load_recovery(find_recovery(db_url, recovery_dir=tmp_path)[0])
        try:
            repo.save(recovered)
            raised = False
        except ScenarioConflict:
            raised = True
    assert raised


def test_recovery_file_lies_next_to_the_project_file(tmp_path):
    project = tmp_path / "wijkplan.gpkg"
    assert recovery_path(project) == tmp_path / "wijkplan.recovery.gpkg"
    assert find_recovery(project) == []


def test_periodic_autosave_and_discard(tmp_path, samples):
    project = tmp_path / "project.gpkg"
    scenario = samples.scenario()
    calls = threading.Event()
    count = {"n": 0}

    def snapshot():
        count["n"] += 1
        if count["n"] >= 2:
            calls.set()
        return scenario

    autosaver = Autosaver(project, snapshot, interval_s=0.05)
    autosaver.start()
    try:
        assert calls.wait(30)
    finally:
        autosaver.stop()
    assert autosaver.last_error is None
    assert [e.scenario for e in find_recovery(project)] == ["Basis"]
    discard_recovery(project)
    assert find_recovery(project) == []
