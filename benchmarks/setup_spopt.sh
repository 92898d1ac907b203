#!/bin/sh
# Create the separate environment in which the spopt comparison runs
# (benchmarks/bench_spopt.py). Run from the repository root.
set -e
cd "$(dirname "$0")/.."
python3 -m venv benchmarks/.venv-spopt
benchmarks/.venv-spopt/bin/pip install --upgrade pip
benchmarks/.venv-spopt/bin/pip install spopt pulp
