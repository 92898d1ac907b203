"""``capacityplanner export``: every format is written with exit status 0; bad arguments exit 2."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3  # noqa: E402
from contextlib import closing  # noqa: E402

import openpyxl  # noqa: E402
import pytest  # noqa: E402

from capacityplanner.cli import main  # noqa: E402


@pytest.mark.parametrize(
    ("fmt", "name", "extra"),
    [
        ("map", "saldo.pdf", []),
        ("map", "saldo.png", ["--dpi", "72", "--paper", "A4", "--orientation", "portrait"]),
        ("atlas", "atlas.pdf", ["--levels", "basis", "--dpi", "72"]),
        ("html", "kaart.html", []),
        ("xlsx", "tabellen.xlsx", []),
        ("gpkg", "lagen.gpkg", []),
        ("report", "briefing.pdf", ["--lang", "en"]),
    ],
)
def test_every_format_is_written(tmp_path, capsys, fmt, name, extra):
    out = tmp_path / "exports" / name
    status = main(["export", fmt, "--level", "basis", "--year", "2024", "--out", str(out), *extra])
    assert status == 0
    assert out.exists() and out.stat().st_size > 1000
    head = out.read_bytes()[:16]
    if name.endswith(".pdf"):
        assert head.startswith(b"%PDF")
    elif name.endswith(".png"):
        assert head.startswith(b"\x89PNG")
    elif name.endswith(".html"):
        assert b"<html" in out.read_bytes()[:2000].lower()
    elif name.endswith(".xlsx"):
        book = openpyxl.load_workbook(out, read_only=True)
        assert "Saldo per wijk" in book.sheetnames
    elif name.endswith(".gpkg"):
        with closing(sqlite3.connect(out)) as con:
            styled = {r[0] for r in con.execute("SELECT f_table_name FROM layer_styles")}
        assert "saldo_2024" in styled and "scholen_basis" in styled
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["map", "--level", "university"], "Unknown level 'university'"),
        (["map", "--year", "2070"], "outside the forecast"),
        (["atlas", "--levels", "basis,hogeschool"], "Unknown level 'hogeschool'"),
        (["report", "--out-in-file"], "is a file, not a folder"),
        (["xlsx", "--wrong-suffix"], "should end in .xlsx"),
    ],
)
def test_bad_arguments_give_one_sentence_and_status_2(tmp_path, capsys, args, message):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    fmt = args[0]
    rest = [a for a in args[1:] if not a.startswith("--out-in") and a != "--wrong-suffix"]
    if "--out-in-file" in args:
        out = blocker / "briefing.pdf"
    elif "--wrong-suffix" in args:
        out = tmp_path / "tabellen.csv"
    else:
        out = tmp_path / f"out.{'pdf' if fmt in ('map', 'atlas', 'report') else fmt}"
    status = main(["export", fmt, *rest, "--out", str(out)])
    assert status == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and message in err
    assert len(err.splitlines()) == 1
    assert not out.exists()


def test_export_from_a_stored_scenario_in_english(tmp_path, capsys):
    import subprocess

    db = str(tmp_path / "project.gpkg")
    assert main(["scenario", "new", "Basis 2024", "--db", db]) == 0
    out = tmp_path / "report.pdf"
    status = main(
        [
            "--lang",
            "en",
            "export",
            "report",
            "--scenario",
            "Basis 2024",
            "--db",
            db,
            "--level",
            "secundair",
            "--year",
            "2024",
            "--out",
            str(out),
        ]
    )
    assert status == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Basis 2024" in text
    assert "Illustrative" in text or "illustrative" in text
    assert (
        main(["export", "map", "--scenario", "Nope", "--db", db, "--out", str(tmp_path / "m.pdf")])
        == 2
    )
    assert "Nope" in capsys.readouterr().err
