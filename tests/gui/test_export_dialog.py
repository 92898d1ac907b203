"""File > Export...: the current map to PDF, the atlas cancelled mid-way, a bad folder refused."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402

import ghent_window as fixtures  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from capacityplanner.gui.export_dialog import install  # noqa: E402

ghent_dataset = fixtures.ghent_dataset
ghent_window = fixtures.ghent_window


def export_action(window):
    return next(a for a in window.file_menu.actions() if a.objectName() == "act_export")


def wait_done(qtbot, dialog, timeout=120_000):
    qtbot.waitUntil(lambda: not dialog.worker.running, timeout=timeout)
    qtbot.wait(50)  # the finished signal is delivered through the event loop


def test_file_export_writes_the_current_map_as_pdf(window, qtbot, tmp_path):
    dialog = install(window, window.workspace)
    action = export_action(window)
    assert action.text() == "&Exporteren…"  # Dutch interface
    window.set_language("en")
    assert action.text() == "&Export…"
    action.trigger()
    assert dialog.isVisible()
    dialog.set_choice("map", "current")
    dialog.title.setText("Scholen in de testwijken")
    dialog.dpi.setValue(100)
    out = tmp_path / "maps" / "current.pdf"
    dialog.path.setText(str(out))
    assert dialog.start_export()
    wait_done(qtbot, dialog)
    assert dialog.last_output == out
    assert out.read_bytes()[:4] == b"%PDF"
    assert str(out) in dialog.status.text()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Scholen in de testwijken" in text
        # the synthetic schools are illustrative and shown: the page says so
        assert "Illustratieve gegevens" in " ".join(text.split())


@fixtures.needs_ghent
def test_atlas_reports_pages_and_cancel_removes_the_file(ghent_window, qtbot, tmp_path):
    dialog = install(ghent_window, ghent_window.workspace)
    dialog.set_choice("atlas")
    dialog.dpi.setValue(72)
    out = tmp_path / "atlas.pdf"
    dialog.path.setText(str(out))
    seen = []

    def on_progress(fraction, message):
        seen.append((fraction, message, dialog.progress_bar.value()))
        if len(seen) == 2:
            dialog.cancel_button.click()

    dialog.worker.progress.connect(on_progress)
    assert dialog.start_export()
    assert not dialog.export_button.isEnabled()
    wait_done(qtbot, dialog)
    # progress arrived in the UI thread page by page while the atlas was being written
    assert [m.split(":")[0] for _f, m, _v in seen[:2]] == ["Pagina 1 van 26", "Pagina 2 van 26"]
    assert 2 <= len(seen) < 26
    assert dialog.last_output is None
    assert not out.exists()
    assert dialog.export_button.isEnabled() and dialog.progress_bar.value() == 0
    assert "geannuleerd" in dialog.status.text()


def test_a_file_in_place_of_the_folder_gives_one_sentence(window, qtbot, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: messages.append(text))
    )
    dialog = install(window, window.workspace)
    (tmp_path / "notes.txt").write_text("x")
    dialog.set_choice("map", "current")
    dialog.path.setText(str(tmp_path / "notes.txt" / "kaart.pdf"))
    assert not dialog.start_export()
    assert not dialog.worker.running
    assert len(messages) == 1
    assert "is a file, not a folder" in messages[0]
    assert messages[0].count(".") >= 1 and "\n" not in messages[0]
    assert dialog.export_button.isEnabled()


def test_each_export_proposes_its_own_file_type(window, tmp_path):
    dialog = install(window, window.workspace)
    dialog.path.setText(str(tmp_path / "uitvoer.pdf"))
    dialog.set_choice("xlsx")
    assert dialog.path.text().endswith("uitvoer.xlsx")
    assert not dialog.orientation.isEnabled()
    dialog.set_choice("map", "balance")
    assert dialog.path.text().endswith("uitvoer.pdf")
    assert dialog.orientation.isEnabled() and dialog.level.isEnabled()
    with pytest.raises(ValueError):
        dialog.set_choice("svg")
