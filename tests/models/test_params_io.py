"""Parameters round-trip through TOML; broken files get one clear sentence."""

import pytest

from capacityplanner.errors import InputError
from capacityplanner.geodata.params_io import read_observed, read_params, write_params
from capacityplanner.models.params import ForecastParams


def test_params_round_trip_through_toml(tmp_path):
    params = ForecastParams(secundair_participation=0.97, births_series={2030: 3100.0})
    params.migration["centrum"]["0-5"] = -0.06
    path = write_params(params, tmp_path / "p.toml")
    text = path.read_text()
    assert "Source:" in text
    assert read_params(path) == params


def test_partial_file_keeps_defaults(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('birth_variant = "high"\n[inflow_share]\nsecundair = 0.45\n')
    params = read_params(path)
    assert params.birth_variant == "high"
    assert params.inflow_share["secundair"] == 0.45
    assert params.inflow_share["lager"] == ForecastParams().inflow_share["lager"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("bso_use = 1.5\n", "bso_use = 1.5"),
        ("survival = 'high'\n", "survival"),
        ("nonsense = 3\n", "unknown parameter 'nonsense'"),
        ("[migration.centrum]\n'0-5' = 'x'\n", "0-5"),
        ("this is not toml = = \n", "not valid TOML"),
        ("[births_series]\n2030 = -10\n", "births_series[2030]"),
    ],
)
def test_broken_parameter_files_name_field_and_value(tmp_path, content, message):
    path = tmp_path / "broken.toml"
    path.write_text(content)
    with pytest.raises(InputError) as info:
        read_params(path)
    assert message in info.value.message


def test_missing_and_binary_parameter_files(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_params(tmp_path / "absent.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(InputError, match="binary.toml"):
        read_params(binary)


def test_observed_csv_with_semicolons_and_a_bad_row(tmp_path):
    good = tmp_path / "obs.csv"
    good.write_text("wijknr;level;year;pupils\n1;lager;2024;1234,0\n")
    table = read_observed(good)
    assert table["pupils"].iloc[0] == 1234.0
    bad = tmp_path / "bad.csv"
    bad.write_text("wijknr;level;year;pupils\n1;lager;2024;12\n2;lager;2024;-3\n")
    with pytest.raises(InputError, match="row 3, field pupils"):
        read_observed(bad)
