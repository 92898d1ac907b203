"""Workflow 6: the city's school layer and a capacity table replace the illustrative layer."""

import geopandas as gpd
import pandas as pd
import pytest
from planning_support import close_window, planner
from PySide6.QtWidgets import QMessageBox

from capacityplanner.gui.import_dialog import ImportDialog, import_files


@pytest.fixture(scope="module")
def app(qapp):
    window, workspace, objs = planner(qapp, "balance_view", "import_dialog")
    yield window, workspace, objs["balance_view"]
    close_window(window)


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append((title, text))
    )
    return shown


def real_looking_schools(
    workspace, tmp_path, capacity_names=("capaciteit_kleuter", "capaciteit_lager")
):
    """Schools at points inside three wijken (in WGS84, as the city publishes them) and
    a capacity CSV keyed by instellingsnummer."""
    wijken = workspace.wijken.set_index("wijknr")
    picks = [1, 1, 4, 7, 7, 7]
    points = gpd.GeoSeries(
        [wijken.geometry.loc[w].representative_point() for w in picks], crs=wijken.crs
    )
    nummers = [f"{12000 + i}" for i in range(len(picks))]
    layer = gpd.GeoDataFrame(
        {"naam": [f"Basisschool {i}" for i in range(len(picks))], "instellingsnummer": nummers},
        geometry=points.to_crs(4326),
    )
    path = tmp_path / "locaties-basisscholen-gent.geojson"
    layer.to_file(path, driver="GeoJSON")
    kleuter = [100, 120, 150, 80, 90, 110]
    lager = [200, 210, 300, 160, 170, 190]
    table = pd.DataFrame(
        {"instellingsnummer": nummers, capacity_names[0]: kleuter, capacity_names[1]: lager}
    )
    csv = tmp_path / "capaciteit.csv"
    table.to_csv(csv, index=False)
    per_wijk = pd.Series([a + b for a, b in zip(kleuter, lager, strict=True)], index=picks)
    return path, csv, per_wijk.groupby(level=0).sum()


def test_importing_schools_with_a_capacity_table_replaces_the_layer(app, tmp_path, messages):
    window, workspace, balance = app
    path, csv, per_wijk = real_looking_schools(workspace, tmp_path)
    dialog = ImportDialog(window, workspace)
    dialog.set_inputs(path, "scholen_basis", join=csv, key="instellingsnummer")
    result = dialog.check()
    assert result.loadable, [p.message for p in result.problems]
    assert dialog.import_button.isEnabled()
    mapping = dialog.user_mapping()
    assert mapping["name"] == "naam"
    assert mapping["capacity_kleuter"] == "capaciteit_kleuter"
    assert result.join.matched == 6
    dialog.accept()
    assert not messages

    loaded = workspace.layers["scholen_basis"]
    assert len(loaded) == 6 and set(loaded["illustrative"]) == {0}
    layer = window.map_model.layer("scholen_basis")
    assert len(layer) == 6 and not layer.illustrative
    # the balance now counts the imported places: capacity per wijk = the table's sums
    # (plus nothing else, since no illustrative school remains)
    frame = balance.layer.frame.set_index("wijknr")
    assert frame.loc[per_wijk.index, "capacity"].tolist() == per_wijk.tolist()
    assert frame.drop(index=per_wijk.index)["capacity"].eq(0).all()
    rows = workspace.balance(2024)
    basis = rows[rows["level"] == "basis"].set_index("wijknr")
    assert basis.loc[per_wijk.index, "capacity"].tolist() == per_wijk.tolist()
    # capacity changes of the illustrative schools went with them
    changes = workspace.capacity_changes
    assert not changes["site_id"].astype(str).str.startswith("BAS-").any()


def test_a_column_the_guess_misses_can_be_mapped_by_hand(app, tmp_path, messages):
    window, workspace, _balance = app
    path, csv, per_wijk = real_looking_schools(workspace, tmp_path, ("k_pl", "l_pl"))
    dialog = ImportDialog(window, workspace)
    dialog.set_inputs(path, "scholen_basis", join=csv)
    result = dialog.check()
    assert not result.loadable
    assert not dialog.import_button.isEnabled()
    assert any("capacity_kleuter" in p.message for p in result.problems)
    dialog.set_mapping("capacity_kleuter", "k_pl")
    dialog.set_mapping("capacity_lager", "l_pl")
    result = dialog.check()
    assert result.loadable, [p.message for p in result.problems]
    dialog.accept()
    assert workspace.layers["scholen_basis"]["capacity_lager"].sum() == 1230


def test_a_broken_file_is_refused_and_nothing_changes(app, tmp_path, messages):
    window, workspace, balance = app
    before_layer = workspace.layers["scholen_basis"]
    before_map = window.map_model.layer("scholen_basis")
    before_balance = balance.layer.frame["balance"].copy()
    broken = tmp_path / "scholen-kapot.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [ {"type": ')
    result = import_files(window, workspace, broken, "scholen_basis")
    assert not result.loadable
    assert len(messages) == 1
    title, text = messages[0]
    assert "scholen-kapot.geojson" in text
    assert workspace.layers["scholen_basis"] is before_layer
    assert window.map_model.layer("scholen_basis") is before_map
    assert balance.layer.frame["balance"].equals(before_balance)


def test_schools_outside_ghent_are_refused_with_their_row(app, tmp_path, messages):
    window, workspace, _balance = app
    before = workspace.layers["scholen_basis"]
    far = gpd.GeoDataFrame(
        {"naam": ["Ver weg"], "capacity_kleuter": [10], "capacity_lager": [20]},
        geometry=gpd.points_from_xy([4.40], [51.22]),  # Antwerp
        crs=4326,
    )
    path = tmp_path / "ver.geojson"
    far.to_file(path, driver="GeoJSON")
    result = import_files(window, workspace, path, "scholen_basis")
    assert not result.loadable
    assert "ver.geojson" in messages[-1][1] and "row 1" in messages[-1][1]
    assert workspace.layers["scholen_basis"] is before
