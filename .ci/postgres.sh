#!/usr/bin/env bash
# Start a PostgreSQL server with PostGIS on loopback for the scenario-storage tests.
#
#   bash .ci/postgres.sh              install what is missing (Debian packages), start, print URL
#   bash .ci/postgres.sh --no-install start only if PostgreSQL and PostGIS are already installed
#   bash .ci/postgres.sh --stop       stop the server this script started
#
# Idempotent: a running server is reused, an existing cluster is not re-initialised.
# The only line on stdout is the SQLAlchemy URL of the test database, e.g.
#   postgresql+psycopg://capacityplanner:<password>@127.0.0.1:55432/capacityplanner_test
# so callers can do  export CAPACITYPLANNER_TEST_PG_URL="$(bash .ci/postgres.sh)".
# Everything else goes to stderr. Settings (environment, with defaults):
#   CAPACITYPLANNER_PG_DIR   cluster directory   (/var/tmp/capacityplanner-pg, or ~/.cache/... if not root)
#   CAPACITYPLANNER_PG_PORT  port on 127.0.0.1    (55432)
set -euo pipefail

mode="${1:-start}"
PORT="${CAPACITYPLANNER_PG_PORT:-55432}"
DB_USER=capacityplanner
DB_NAME=capacityplanner_test
# A throw-away password for a server that listens on loopback only and holds test data.
DB_PASSWORD=cp-test-secret

log() { echo "postgres.sh: $*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }
as_root() { if is_root; then "$@"; else sudo "$@"; fi; }

if is_root; then
    PGDIR="${CAPACITYPLANNER_PG_DIR:-/var/tmp/capacityplanner-pg}"
else
    PGDIR="${CAPACITYPLANNER_PG_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/capacityplanner-pg}"
fi
DATA="$PGDIR/data"
SOCKDIR="$PGDIR/socket"

server_bin() {
    # Highest installed server version's bin directory, or nothing.
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

postgis_installed() {
    local major="$1"
    ls "/usr/share/postgresql/$major/extension/postgis.control" >/dev/null 2>&1
}

install_packages() {
    local bin major
    bin="$(server_bin || true)"
    if [ -z "$bin" ]; then
        log "installing postgresql from Debian"
        as_root apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
            postgresql postgresql-contrib >&2
        bin="$(server_bin)"
    fi
    major="$(basename "$(dirname "$bin")")"
    if ! postgis_installed "$major"; then
        log "installing postgresql-$major-postgis-3 from Debian"
        as_root apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
            "postgresql-$major-postgis-3" >&2
    fi
}

# Run a server binary as the cluster owner: postgres when we are root (initdb and pg_ctl
# refuse to run as root), ourselves otherwise.
as_owner() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

BIN="$(server_bin || true)"

if [ "$mode" = "--stop" ]; then
    if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
    fi
    exit 0
fi

if [ "$mode" = "--no-install" ]; then
    if [ -z "$BIN" ] || ! postgis_installed "$(basename "$(dirname "$BIN")")"; then
        log "PostgreSQL with PostGIS is not installed (run bash .ci/postgres.sh to install it)"
        exit 3
    fi
else
    install_packages
    BIN="$(server_bin)"
fi

mkdir -p "$PGDIR"
if is_root; then
    chown postgres:postgres "$PGDIR"
fi
as_owner mkdir -p "$SOCKDIR"

if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initialising a cluster in $DATA"
    pwfile="$(mktemp)"
    echo "$DB_PASSWORD" >"$pwfile"
    chmod 644 "$pwfile"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >&2
    rm -f "$pwfile"
fi

if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA" -w -t 60 -l "$PGDIR/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCKDIR -c fsync=off -c max_connections=100" \
        start >&2
fi

psql_owner() { as_owner env PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -h "$SOCKDIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_owner -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'")" != "1" ]; then
    psql_owner -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD' CREATEDB" >&2
fi
if [ "$(psql_owner -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" != "1" ]; then
    psql_owner -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2
fi
# PostGIS needs a superuser to be created; the application role then uses it.
psql_owner -d "$DB_NAME" -c "CREATE EXTENSION IF NOT EXISTS postgis" >&2
psql_owner -d postgres -c "ALTER DATABASE $DB_NAME OWNER TO $DB_USER" >&2

URL="postgresql+psycopg://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
echo "$URL"
