"""Credentials never reach the project file, the database rows, the recovery file or the logs."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from capacityplanner.errors import InputError
from capacityplanner.scenarios.autosave import Autosaver, find_recovery
from capacityplanner.scenarios.model import ScenarioConflict
from capacityplanner.scenarios.storage import mask_url, open_repository


def test_mask_url_hides_the_password():
    assert mask_url("postgresql://els:s3cret@db.gent.be:5432/planner") == (
        "postgresql://els:***@db.gent.be:5432/planner"
    )
    assert "s3cret" not in mask_url(make_url("postgresql+psycopg://els:s3cret@h/db"))
    assert mask_url("/data/project.gpkg") == "/data/project.gpkg"


def test_password_is_not_stored_or_logged(pg_url, samples, tmp_path, caplog):
    db_url = pg_url
    password = make_url(db_url).password
    assert password
    caplog.set_level(logging.DEBUG)
    with open_repository(db_url, author="Els") as repo:
        assert password not in repr(repo) and password not in repo.display_url
        repo.save(samples.scenario())
        stale = repo.load("Basis")
        repo.save(repo.load("Basis"))
        with pytest.raises(ScenarioConflict) as caught:
            repo.save(stale)
        assert password not in str(caught.value)
        with pytest.raises(InputError) as missing:
            repo.load("Nope")
        assert password not in str(missing.value)

        autosaver = Autosaver(db_url, lambda: stale, recovery_dir=tmp_path / "recovery")
        autosaver.save_now()
        recovery = find_recovery(db_url, recovery_dir=tmp_path / "recovery")
        assert len(recovery) == 1
        assert password not in recovery[0].project and password not in str(recovery[0].path)
        assert password.encode() not in recovery[0].path.read_bytes()

        # No text in any row of the scenario tables holds the password.
        with repo.engine.connect() as conn:
            tables = [
                t
                for t in sa.inspect(conn).get_table_names()
                if t.startswith(("cp_", "cpdata_")) or t == "alembic_version"
            ]
            for table in tables:
                dump = conn.execute(
                    sa.text(f"SELECT string_agg(t::text, '|') FROM \"{table}\" AS t")
                ).scalar()
                assert dump is None or password not in dump, table
    assert password not in caplog.text
    assert "Basis" in caplog.text  # the log did record the saves


def test_wrong_password_is_one_sentence_without_the_password(pg_url):
    wrong = make_url(pg_url).set(password="not-the-password-42")
    with pytest.raises(InputError) as caught:
        open_repository(wrong.render_as_string(hide_password=False))
    assert "cannot be used" in str(caught.value)
    assert "not-the-password-42" not in str(caught.value)
