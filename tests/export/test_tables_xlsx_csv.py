"""The spreadsheet and CSV exports open with the right sheets, headers, values and sources."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from capacityplanner.errors import InputError
from capacityplanner.export.provenance import DEFAULT_CREDIT, Provenance
from capacityplanner.export.tables import (
    CSV_OPTIONS,
    assumptions_sheet_name,
    export_csv,
    export_tables_xlsx,
)


@pytest.fixture
def balance() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    rows = []
    for level in ("basis", "secundair", "kinderopvang"):
        cap = rng.integers(100, 2000, 25).astype(float)
        dem = cap + rng.integers(-300, 300, 25)
        rows.append(
            pd.DataFrame(
                {
                    "wijknr": np.arange(1, 26),
                    "level": level,
                    "year": 2024,
                    "capacity": cap,
                    "demand": dem,
                }
            )
        )
    out = pd.concat(rows, ignore_index=True)
    out["balance"] = out["capacity"] - out["demand"]
    out["shortfall"] = (-out["balance"]).clip(lower=0)
    return out


@pytest.fixture
def plan() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "site_id": ["KAN-004", "KAN-017"],
            "name": ["Site Sint-Amandsberg", "Site Ledeberg"],
            "places_secundair": [600, 300],
            "brede": [1, 0],
            "cost": [14_500_000.0, 9_250_000.0],
        }
    )


def _xlsx(tmp_path, balance, plan, **kwargs):
    return export_tables_xlsx(
        tmp_path / "tabellen.xlsx",
        {"Saldo": balance, "Plan": plan},
        {"Geboortevariant": "mid", "Instroom secundair van buiten Gent": 0.5},
        sources=["Bevolking: raming per wijk 2024 (Provincies in Cijfers)"],
        provenance=kwargs.pop("provenance", Provenance(created=date(2025, 3, 5))),
        **kwargs,
    )


def test_workbook_has_the_sheets_headers_and_values(tmp_path, balance, plan):
    wb = load_workbook(_xlsx(tmp_path, balance, plan))
    assert wb.sheetnames == ["Saldo", "Plan", assumptions_sheet_name("nl")]
    ws = wb["Saldo"]
    # row 1: illustrative notice, row 2: header, data from row 3
    assert "Illustratieve gegevens" in ws["A1"].value
    headers = [c.value for c in ws[2]]
    assert headers[:4] == ["Wijknr", "Niveau", "Schooljaar", "Capaciteit (plaatsen)"]
    assert "Saldo (plaatsen)" in headers and "Tekort (plaatsen)" in headers
    # a known cell equals the input: the demand of the 10th row
    demand_col = headers.index("Vraag (kinderen)") + 1
    assert ws.cell(row=3 + 9, column=demand_col).value == balance["demand"].iloc[9]
    assert ws.max_row == 2 + len(balance)
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref.startswith("A2:")


def test_number_formats_and_widths_suit_a_council_reader(tmp_path, balance, plan):
    wb = load_workbook(_xlsx(tmp_path, balance, plan))
    ws = wb["Saldo"]
    headers = [c.value for c in ws[2]]
    bal = ws.cell(row=3, column=headers.index("Saldo (plaatsen)") + 1)
    assert "[Red]" in bal.number_format  # negative balances in red
    assert (
        ws.cell(row=3, column=headers.index("Capaciteit (plaatsen)") + 1).number_format == "#,##0"
    )
    assert ws.cell(row=3, column=1).number_format == "0"  # wijknr without thousands separator
    assert ws.column_dimensions["D"].width >= len("Capaciteit (plaatsen)")
    plan_ws = wb["Plan"]
    plan_headers = [c.value for c in plan_ws[2]]
    assert "Plaatsen secundair onderwijs (plaatsen)" in plan_headers
    cost = plan_ws.cell(row=3, column=plan_headers.index("Kost (EUR)") + 1)
    assert cost.value == 14_500_000.0 and "EUR" in cost.number_format


def test_assumptions_sheet_lists_assumptions_sources_and_provenance(tmp_path, balance, plan):
    wb = load_workbook(_xlsx(tmp_path, balance, plan))
    ws = wb[assumptions_sheet_name("nl")]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "Geboortevariant" in cells and "mid" in cells
    assert "Bevolking: raming per wijk 2024 (Provincies in Cijfers)" in cells
    assert DEFAULT_CREDIT in cells
    assert any("Illustratieve gegevens" in str(c) for c in cells)
    assert "2025-03-05" in cells


def test_real_data_workbook_has_no_notice_and_speaks_english(tmp_path, balance, plan):
    prov = Provenance(illustrative=False, language="en")
    wb = load_workbook(_xlsx(tmp_path, balance, plan, provenance=prov, language="en"))
    assert wb.sheetnames[-1] == "Assumptions and sources"
    ws = wb["Saldo"]
    assert ws["A1"].value == "District no."  # header on the first row, no notice
    assert ws.freeze_panes == "A2"
    cells = [
        c for row in wb["Assumptions and sources"].iter_rows(values_only=True) for c in row if c
    ]
    assert not any("llustrative data" in str(c) for c in cells)


def test_long_or_clashing_sheet_names_stay_valid_for_excel(tmp_path, balance):
    out = export_tables_xlsx(
        tmp_path / "t.xlsx",
        {
            "Saldo per wijk/niveau [2024-25] basisonderwijs": balance,
            "saldo per wijk-niveau -2024-25- basisonderwijs": balance,
        },
    )
    names = load_workbook(out).sheetnames
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert len(set(n.lower() for n in names)) == len(names) == 3


def test_no_table_is_a_clear_input_error(tmp_path):
    with pytest.raises(InputError, match="no table"):
        export_tables_xlsx(tmp_path / "t.xlsx", {})


def test_csv_opens_in_belgian_excel_and_reads_back(tmp_path, balance):
    frame = balance.assign(
        wijk="Sluizeken - Tolhuis - Ham", coverage=0.515, note="crèche Ekkergem; ‘t Groen Drieske"
    )
    out = export_csv(tmp_path / "saldo.csv", frame)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    first = raw[3:].split(b"\r\n", 1)[0].decode("utf-8")
    assert first.split(";")[:3] == ["wijknr", "level", "year"]
    assert "0,515" in raw.decode("utf-8-sig")  # decimal comma
    back = pd.read_csv(out, **CSV_OPTIONS)
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
