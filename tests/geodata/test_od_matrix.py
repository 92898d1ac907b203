"""Reading a user's origin-destination distance CSV."""

import numpy as np
import pytest

from capacityplanner.errors import InputError
from capacityplanner.geodata.od_matrix import read_od_matrix

ORIGINS = ["44021A02-", "44021A04L"]
SITES = ["BAS-001", "BAS-002", "BAS-003"]


def write(tmp_path, text, name="od.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_semicolons_and_decimal_commas(tmp_path):
    path = write(
        tmp_path,
        "origin_id;destination_id;metres\n"
        "44021A02-;BAS-002;1234,5\n"
        "44021A04L;BAS-001;870\n"
        "\n"
        "44021A04L;BAS-003;1.250,75\n",
    )
    m = read_od_matrix(path, ORIGINS, SITES)
    assert m.shape == (2, 3)
    np.testing.assert_allclose(m.toarray(), [[0, 1234.5, 0], [870, 0, 1250.75]])


def test_commas_with_point_decimals_bom_and_header_case(tmp_path):
    path = tmp_path / "od.csv"
    path.write_bytes(
        "\ufeffOrigin_ID, Destination_ID, Metres\n44021A02-, BAS-003, 99.5\n"
        '44021A04L,BAS-001,"12,5"\n'.encode()
    )
    m = read_od_matrix(path, ORIGINS, SITES)
    assert m[0, 2] == pytest.approx(99.5)
    assert m[1, 0] == pytest.approx(12.5)
    assert m.nnz == 2


def test_zero_is_stored_as_one_metre(tmp_path):
    path = write(tmp_path, "origin_id;destination_id;metres\n44021A02-;BAS-001;0\n")
    m = read_od_matrix(path, ORIGINS, SITES)
    assert m.nnz == 1 and m[0, 0] == 1.0


@pytest.mark.parametrize(
    ("row", "pattern"),
    [
        ("44021X99-;BAS-001;10", r"line 3, field origin_id: '44021X99-' is not a known id"),
        ("44021A02-;BAS-999;10", r"line 3, field destination_id: 'BAS-999'"),
        ("44021A02-;BAS-001;far", r"line 3, field metres: 'far' is not a number"),
        ("44021A02-;BAS-001;", r"line 3, field metres"),
        ("44021A02-;BAS-001;-5", r"line 3, field metres: -5 is negative"),
        ("44021A04L;BAS-002;7", r"line 3, field origin_id/destination_id: .* listed twice"),
        (";BAS-001;10", r"line 3, field origin_id: is empty"),
    ],
)
def test_bad_rows_name_line_and_field(tmp_path, row, pattern):
    path = write(tmp_path, f"origin_id;destination_id;metres\n44021A04L;BAS-002;7\n{row}\n")
    with pytest.raises(InputError, match=pattern) as err:
        read_od_matrix(path, ORIGINS, SITES)
    assert "od.csv" in str(err.value)


def test_missing_column_and_missing_file(tmp_path):
    path = write(tmp_path, "from;to;metres\na;b;1\n")
    with pytest.raises(InputError, match="lacks the column.*origin_id"):
        read_od_matrix(path, ORIGINS, SITES)
    with pytest.raises(InputError, match="does not exist"):
        read_od_matrix(tmp_path / "nope.csv", ORIGINS, SITES)
