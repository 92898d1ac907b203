#!/usr/bin/env bash
# Set up everything on a fresh Debian machine with Python 3.11, then run the app or the tests.
#   bash tools/dev.sh run    install, then open the desktop app on the shipped Ghent data
#   bash tools/dev.sh test   install (incl. test services), then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-run}"; shift || true

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
    # Install the Debian packages that are missing (no-op when all are present).
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "Installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# What Qt needs to run (also offscreen), and a venv-capable Python.
QT_PKGS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
         libxcb-render-util0 libxcb-image0 libglib2.0-0)
# What the tests need besides: headless Chromium for the HTML export, poppler for PDF pages,
# PostgreSQL with PostGIS for the team-database back-end.
TEST_PKGS=(chromium poppler-utils postgresql postgresql-common)

if command -v apt-get >/dev/null 2>&1; then
    apt_install "${QT_PKGS[@]}"
    python3 -m venv --help >/dev/null 2>&1 && python3 -c "import ensurepip" 2>/dev/null || apt_install python3-venv
    [ "$what" = test ] && apt_install "${TEST_PKGS[@]}"
fi

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"

case "$what" in
    run)
        exec .venv/bin/capacityplanner "$@"
        ;;
    test)
        if [ -x .ci/postgres.sh ] || [ -f .ci/postgres.sh ]; then
            # Starts PostgreSQL + PostGIS on loopback and prints the URL for the storage tests.
            CAPACITYPLANNER_TEST_PG_URL="$(bash .ci/postgres.sh)"
            export CAPACITYPLANNER_TEST_PG_URL
        fi
        export QT_QPA_PLATFORM=offscreen
        exec .venv/bin/python -m pytest -q "$@"
        ;;
    *)
        echo "usage: bash tools/dev.sh {run|test}" >&2; exit 2
        ;;
esac
