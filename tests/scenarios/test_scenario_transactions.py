"""Never lose work: a killed or cancelled save leaves the last good version; concurrent saves
cannot overwrite each other."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
import sqlalchemy as sa
from geopandas.testing import assert_geodataframe_equal

from capacityplanner.scenarios.model import ScenarioConflict
from capacityplanner.scenarios.storage import open_repository

# A planner's process that edits the scenario and saves it, but stops dead in the middle of
# the save: after two tables were written inside the transaction, it announces it and waits
# to be killed.
_WORKER = textwrap.dedent(
    """
    import sys, time
    import shapely
    from capacityplanner.scenarios.storage import open_repository

    repo = open_repository(sys.argv[1], author="Worker")
    scenario = repo.load("Basis")
    scenario.notes = "half-saved edit"
    layer = scenario.layers["kandidaatsites"]
    layer["max_lager"] = layer["max_lager"] + 100
    layer.geometry = layer.geometry.translate(1000, 0)
    scenario.results["balance"]["capacity"] += 1
    scenario.params["forecast"]["birth_variant"] = "high"

    def progress(done, total, what):
        if done == 2:
            print("MID-SAVE", flush=True)
            time.sleep(300)

    repo.save(scenario, progress=progress)
    print("SAVED", flush=True)
    """
)


def test_process_killed_mid_save_leaves_last_good_version(db_url, samples, tmp_path):
    good = samples.scenario()
    with open_repository(db_url) as repo:
        repo.save(good)

    script = tmp_path / "worker.py"
    script.write_text(_WORKER)
    proc = subprocess.Popen(
        [sys.executable, str(script), db_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline().strip()
        assert line == "MID-SAVE", proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with open_repository(db_url) as repo:
        back = repo.load("Basis")
        assert back.version == 1
        assert back.notes == "Startpunt"
        assert back.params == good.params
        assert_geodataframe_equal(back.layers["kandidaatsites"], good.layers["kandidaatsites"])
        assert back.results["balance"].equals(good.results["balance"])
        # The database is usable again: the next save goes through.
        back.notes = "after the crash"
        repo.save(back)
        assert repo.load("Basis").notes == "after the crash"
        assert repo.load("Basis").version == 2


def test_cancelled_save_changes_nothing(db_url, samples):
    class Cancelled(Exception):
        pass

    def cancel_after_first(done, total, what):
        if done == 1:
            raise Cancelled

    with open_repository(db_url) as repo:
        repo.save(samples.scenario())
        edited = repo.load("Basis")
        edited.notes = "cancelled edit"
        edited.layers.pop("woonprojecten")
        with pytest.raises(Cancelled):
            repo.save(edited, progress=cancel_after_first)
        assert edited.version == 1
        back = repo.load("Basis")
        assert back.notes == "Startpunt" and "woonprojecten" in back.layers
        repo.save(edited)  # the same edits save fine afterwards
        assert "woonprojecten" not in repo.load("Basis").layers


def _waiting_on_lock(url: str) -> int:
    """Backends of this database waiting for a lock (PostgreSQL)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
    finally:
        engine.dispose()


def test_two_concurrent_writers_cannot_overwrite_each_other(db_url, backend, samples):
    """Els and Jan load the same version; Els's save is in flight when Jan saves."""
    with open_repository(db_url) as setup:
        setup.save(samples.scenario())
    els = open_repository(db_url, author="Els")
    jan = open_repository(db_url, author="Jan")
    els_copy = els.load("Basis")
    jan_copy = jan.load("Basis")
    els_copy.notes = "Els: 3 new sites"
    jan_copy.notes = "Jan: expansion"

    els_mid_save = threading.Event()
    jan_started = threading.Event()
    outcome: dict[str, object] = {}

    def els_progress(done, total, what):
        if done == 1:
            els_mid_save.set()
            assert jan_started.wait(60)
            if backend == "postgresql":
                # Hold the transaction open until Jan's save is blocked on it.
                for _ in range(600):
                    if _waiting_on_lock(db_url) >= 1:
                        break
                    time.sleep(0.05)
                outcome["jan_was_blocked"] = _waiting_on_lock(db_url) >= 1

    def run_els():
        try:
            els.save(els_copy, progress=els_progress)
            outcome["els"] = "saved"
        except Exception as exc:  # recorded for the assertions below
            outcome["els"] = exc

    def run_jan():
        assert els_mid_save.wait(60)
        jan_started.set()
        try:
            jan.save(jan_copy)
            outcome["jan"] = "saved"
        except Exception as exc:
            outcome["jan"] = exc

    threads = [threading.Thread(target=run_els), threading.Thread(target=run_jan)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    try:
        assert outcome["els"] == "saved"
        conflict = outcome["jan"]
        assert isinstance(conflict, ScenarioConflict), conflict
        assert "'Basis'" in str(conflict) and "Els" in str(conflict)
        assert conflict.current_version == 2 and conflict.expected_version == 1
        if backend == "postgresql":
            assert outcome["jan_was_blocked"]
        stored = jan.load("Basis")
        assert stored.notes == "Els: 3 new sites" and stored.version == 2
        # Jan's edits are still in his copy and go into a branch.
        assert jan_copy.notes == "Jan: expansion" and jan_copy.version == 1
        jan.save_as_branch(jan_copy, "Basis (Jan)")
        assert jan.load("Basis (Jan)").notes == "Jan: expansion"
        assert jan.load("Basis (Jan)").parent == "Basis"
    finally:
        els.close()
        jan.close()
