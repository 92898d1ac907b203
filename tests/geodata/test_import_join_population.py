"""Joining a capacity table to the city's school layer, and Statbel population by sector."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from capacityplanner.geodata.importer import ImportContext, read_layer
from capacityplanner.geodata.statbel import parse_ages, population_table

X0, Y0 = 104_500.0, 194_000.0


def city_schools(path, numbers=("012345", "23456", "34567")):
    """A layer shaped like locaties-basisscholen-gent: no capacities."""
    n = len(numbers)
    layer = gpd.GeoDataFrame(
        {
            "naam": [f"Basisschool {i}" for i in range(n)],
            "aanbod": ["kleuter en lager"] * n,
            "onderwijsnet": ["GO!", "stedelijk", "vrij"][:n] + ["vrij"] * max(0, n - 3),
            "adres": ["Kouter 1"] * n,
            "instellingsnummer": list(numbers),
        },
        geometry=gpd.points_from_xy(X0 + 100 * np.arange(n), np.full(n, Y0)),
        crs=31370,
    ).to_crs(4326)
    layer.to_file(path, driver="GeoJSON")
    return path


def test_city_layer_without_capacities_is_not_loadable(tmp_path):
    path = city_schools(tmp_path / "locaties-basisscholen-gent.geojson")
    result = read_layer(path)
    assert result.role == "scholen_basis"
    assert not result.loadable
    fields = {p.field for p in result.problems}
    assert fields == {"capacity_kleuter", "capacity_lager"}
    assert all("instellingsnummer" in p.message for p in result.problems)


def test_capacity_spreadsheet_joined_by_instellingsnummer(tmp_path):
    path = city_schools(tmp_path / "locaties-basisscholen-gent.geojson")
    table = pd.DataFrame(
        {
            "instellingsnummer": [34567, 12345, 23456],  # numbers, without the leading zero
            "capaciteit kleuter": [90, 120, 60],
            "capaciteit lager": [180, 240, 150],
        }
    )
    xlsx = tmp_path / "capaciteit.xlsx"
    table.to_excel(xlsx, index=False)
    result = read_layer(path, join=xlsx, key="instellingsnummer")
    assert result.loadable, [p.message for p in result.problems]
    assert result.join.matched == 3
    assert result.join.unmatched_layer == [] and result.join.unmatched_table == []
    assert list(result.layer["capacity_kleuter"]) == [120, 60, 90]
    assert list(result.layer["capacity_lager"]) == [240, 150, 180]
    assert list(result.layer["network"]) == ["GO!", "stedelijk", "vrij"]


def test_join_reports_unmatched_keys_on_both_sides(tmp_path):
    path = city_schools(tmp_path / "scholen.geojson", numbers=("111", "222", "333"))
    csv = tmp_path / "capaciteit.csv"
    csv.write_text(
        "instellingsnummer;kleuter plaatsen;lager plaatsen\n111;50;100\n333;40;80\n999;10;20\n",
        encoding="utf-8",
    )
    result = read_layer(path, role="scholen_basis", join=csv, key="instellingsnummer")
    assert not result.loadable
    assert result.join.matched == 2
    assert result.join.unmatched_layer == ["222"]
    assert result.join.unmatched_table == ["999"]
    [p] = result.problems
    assert (p.file, p.row, p.field) == ("scholen.geojson", 2, "instellingsnummer")
    assert "instellingsnummer 222 has no row in capaciteit.csv" in p.message
    assert any("999" in w for w in result.warnings)


def test_bad_capacity_in_joined_table_names_the_table_row(tmp_path):
    path = city_schools(tmp_path / "scholen.geojson", numbers=("111", "222"))
    csv = tmp_path / "capaciteit.csv"
    csv.write_text(
        "instellingsnummer;capaciteit_kleuter;capaciteit_lager\n222;50;100\n111;-5;80\n",
        encoding="utf-8",
    )
    result = read_layer(path, role="scholen_basis", join=csv)
    [p] = result.problems
    assert (p.file, p.row, p.field) == ("capaciteit.csv", 3, "capaciteit_kleuter")
    assert p.message.startswith("capaciteit.csv, row 3, field 'capaciteit_kleuter': is negative")


def test_duplicate_keys_in_table_are_reported(tmp_path):
    path = city_schools(tmp_path / "scholen.geojson", numbers=("111", "222"))
    csv = tmp_path / "capaciteit.csv"
    csv.write_text(
        "instellingsnummer;capaciteit_kleuter;capaciteit_lager\n111;1;1\n222;2;2\n111;3;3\n",
        encoding="utf-8",
    )
    result = read_layer(path, role="scholen_basis", join=csv)
    [p] = result.problems
    assert (p.file, p.row) == ("capaciteit.csv", 4)
    assert "appears again (first in row 2)" in p.message


def test_key_shared_by_two_locations_splits_capacity(tmp_path):
    path = city_schools(tmp_path / "scholen.geojson", numbers=("111", "111", "222"))
    csv = tmp_path / "capaciteit.csv"
    csv.write_text(
        "instellingsnummer;capaciteit_kleuter;capaciteit_lager\n111;101;300\n222;20;40\n",
        encoding="utf-8",
    )
    result = read_layer(path, role="scholen_basis", join=csv)
    assert result.loadable, [p.message for p in result.problems]
    assert list(result.layer["capacity_kleuter"]) == [51, 50, 20]
    assert result.layer["capacity_lager"].sum() == 340
    assert any("divided evenly" in w for w in result.warnings)


def test_join_key_missing_in_table(tmp_path):
    path = city_schools(tmp_path / "scholen.geojson")
    csv = tmp_path / "capaciteit.csv"
    csv.write_text("nummer;capaciteit_kleuter\n1;2\n", encoding="utf-8")
    result = read_layer(path, role="scholen_basis", join=csv, key="instellingsnummer")
    [p] = result.problems
    assert p.message.startswith("capaciteit.csv: has no key column 'instellingsnummer'")


# --------------------------------------------------------------------------- Statbel


def statbel_csv(path, rows, encoding="utf-8"):
    frame = pd.DataFrame(
        rows, columns=["CD_REFNIS", "CD_SECTOR", "CD_SEX", "CD_AGE", "MS_POPULATION"]
    )
    frame.to_csv(path, sep="|", index=False, encoding=encoding)
    return path


def test_statbel_single_ages_summed_over_sex(tmp_path):
    rows = [
        (44021, "44021A02-", "M", 0, 10),
        (44021, "44021A02-", "F", 0, 12),
        (44021, "44021A02-", "M", 1, 7),
        (44021, "44021A04L", "F", 0, 3),
        (11002, "11002A00-", "F", 0, 99),  # Antwerp: left out
    ]
    path = statbel_csv(tmp_path / "statbel.csv", rows)
    sectors = {"44021A02-": 1, "44021A04L": 2}
    result = read_layer(
        path,
        role="bevolking",
        context=ImportContext(
            sectors=pd.DataFrame({"sector_code": list(sectors), "wijknr": list(sectors.values())})
        ),
    )
    assert result.loadable, [p.message for p in result.problems]
    table = result.layer
    assert list(table.columns) == ["sector_code", "wijknr", "age", "population"]
    assert table.to_dict("records") == [
        {"sector_code": "44021A02-", "wijknr": 1, "age": 0, "population": 22.0},
        {"sector_code": "44021A02-", "wijknr": 1, "age": 1, "population": 7.0},
        {"sector_code": "44021A04L", "wijknr": 2, "age": 0, "population": 3.0},
    ]
    assert any("outside Ghent" in w for w in result.warnings)


def test_statbel_age_bands_spread_over_single_years():
    frame = pd.DataFrame(
        {
            "CD_SECTOR": ["44021A02-"] * 4,
            "age_group": ["0-4", "5 - 9 jaar", "20-29", "95+"],
            "MS_POPULATION": ["50", "25", "100", "7"],
        }
    )
    table, mapping, problems, _ = population_table(frame, file="bevolking.csv")
    assert problems == []
    assert mapping == {
        "sector_code": "CD_SECTOR",
        "age": "age_group",
        "population": "MS_POPULATION",
    }
    by_age = dict(zip(table["age"], table["population"], strict=True))
    assert sorted(by_age) == list(range(10)) + list(range(20, 25))
    assert by_age[0] == pytest.approx(10.0) and by_age[9] == pytest.approx(5.0)
    assert by_age[24] == pytest.approx(10.0)  # 20-29 spread, ages above 24 dropped


def test_statbel_unknown_sector_and_bad_values(tmp_path):
    path = tmp_path / "bevolking.csv"
    path.write_text(
        "CD_SECTOR;CD_AGE;MS_POPULATION\n"
        "44021A02-;0;10\n"
        "44021X99-;0;4\n"
        "44021A02-;twee;3\n"
        "44021A02-;3;-1\n"
        "44021ZZZZ;3;8\n",
        encoding="utf-8",
    )
    result = read_layer(
        path,
        role="bevolking",
        context=ImportContext(sectors=pd.DataFrame({"sector_code": ["44021A02-"], "wijknr": [1]})),
    )
    found = {(p.row, p.field): p.message for p in result.problems}
    assert set(found) == {(3, "CD_SECTOR"), (4, "CD_AGE"), (5, "MS_POPULATION")}
    assert "44021X99- is not one of Ghent's statistical sectors" in found[(3, "CD_SECTOR")]
    assert found[(4, "CD_AGE")].startswith("bevolking.csv, row 4, field 'CD_AGE'")
    assert "negative" in found[(5, "MS_POPULATION")]


def test_parse_ages_reads_single_years_bands_and_open_bands():
    low, high, bad = parse_ages(pd.Series(["7", "0-4", "85+", "x", "10-5", 3]))
    assert list(low[:3]) == [7, 0, 85] and list(high[:3]) == [7, 4, -1]
    assert list(bad) == [False, False, False, True, True, False]
