"""Reading the OR-Library pmed, cap and pmedcap formats, and the orlib command."""

import json
from pathlib import Path

import numpy as np
import pytest

from capacityplanner.cli import main
from capacityplanner.errors import InputError
from capacityplanner.geodata.orlib import read_cap, read_pmed, read_pmedcap

SHARED = (Path(__file__).parents[2] / "../shared/benchmarks").resolve()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_pmed_costs_are_shortest_paths_and_last_repeated_edge_wins(tmp_path):
    # Edge 1-3 appears twice (second time reversed): its cost is the last, 10.
    path = write(tmp_path, "g.txt", "4 5 2\n1 2 1\n2 3 1\n1 3 5\n3 1 10\n3 4 2\n")
    inst = read_pmed(path)
    assert inst.p == 2
    assert inst.cost[0, 2] == 2  # via node 2, not the 10 (nor the 5)
    assert inst.cost[0, 3] == 4
    assert np.array_equal(inst.cost, inst.cost.T)
    assert np.all(np.diag(inst.cost) == 0)
    path = write(tmp_path, "h.txt", "3 3 1\n1 2 1\n2 3 1\n3 1 5\n1 3 1\n")
    with pytest.raises(InputError, match="line 5"):
        read_pmed(path)  # one edge more than the header promises


def test_capa_takes_the_capacity_given(tmp_path):
    path = write(tmp_path, "capx.txt", "2 1\ncapacity 7.5\n capacity 8\n4\n1.5 2.5\n")
    inst = read_cap(path, 900)
    assert list(inst.capacity) == [900, 900]
    assert list(inst.fixed_cost) == [7.5, 8]
    assert list(inst.cost[0]) == [1.5, 2.5]
    with pytest.raises(InputError, match=r"capx\.txt, line 2: .*--capacity"):
        read_cap(path)


def test_pmedcap_distances_are_rounded_down(tmp_path):
    path = write(tmp_path, "c.txt", "1 10\n3 1 5\n1 0 0 2\n2 3 4 1\n3 1 1 1\n")
    inst = read_pmedcap(path)
    assert inst.cost[0, 1] == 5  # exactly 5
    assert inst.cost[0, 2] == 1  # sqrt(2) rounded down
    assert inst.cost[1, 2] == 3  # sqrt(13) = 3.6
    assert inst.best_known == 10 and inst.p == 1 and inst.capacity[0] == 5


@pytest.mark.parametrize(
    ("reader", "text", "line"),
    [
        (read_pmed, "3 2 1\n1 2 4\n2 x 4\n", 3),
        (read_pmed, "3 1 1\n1 7 4\n", 2),
        (read_cap, "1 2\n10 5\n3 1.0\n4\n", 4),
        (read_pmedcap, "1 10\n2 1 5\n1 0 0 2\n2 3 4 -1\n", 4),
    ],
)
def test_malformed_files_name_file_and_line(tmp_path, reader, text, line):
    path = write(tmp_path, "bad.txt", text)
    with pytest.raises(InputError, match=rf"bad\.txt, line {line}:"):
        reader(path)


def test_command_prints_json(tmp_path, capsys):
    path = write(tmp_path, "g.txt", "4 3 1\n1 2 1\n2 3 1\n3 4 1\n")
    assert main(["orlib", "pmed", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["objective"] == 4  # median at node 2 or 3: 1 + 0 + 1 + 2
    assert result["proven_optimal"] is True
    assert result["gap"] == 0
    assert set(result) == {"objective", "proven_optimal", "gap", "seconds"}


def test_command_bad_file_exits_with_error_line(tmp_path, capsys):
    path = write(tmp_path, "broken.txt", "2 1\n10 5\nnine\n")
    assert main(["orlib", "cap", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "broken.txt, line 3" in err


@pytest.mark.skipif(
    not (SHARED / "cap" / "cap41.txt").exists(), reason=f"cap41 not found in {SHARED}"
)
def test_command_human_readable_output(capsys):
    assert main(["orlib", "cap", str(SHARED / "cap" / "cap41.txt")]) == 0
    out = capsys.readouterr().out
    assert "1040444.375 (proven optimal)" in out
