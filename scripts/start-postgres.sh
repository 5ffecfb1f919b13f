#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the storage tests and print how to use it.
#
#   eval "$(scripts/start-postgres.sh [DIR])"      # exports SITREPS_TEST_PG_URL and SITREPS_TEST_PG_DIR
#   ... run tests ...
#   scripts/start-postgres.sh --stop DIR           # stop it and delete DIR
#
# The cluster lives in DIR (default: a new temp directory), listens on a free port on 127.0.0.1 only, trusts
# local connections (it is for tests: never expose it) and has one database, sitreps_test. If initdb/pg_ctl
# are missing and we are root, PostgreSQL is installed with apt-get. PostgreSQL refuses to run as root, so
# as root the server runs as the "postgres" user (created if needed). SITREPS_PG_NO_INSTALL=1 forbids the install.
# stdout carries only the export lines; progress and errors go to stderr.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

find_bin() {
    local name=$1 dir
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/$name" ]; then echo "$dir/$name"; return 0; fi
    done
    return 1
}

as_owner() {
    # Run a command as the user owning the cluster (postgres when we are root).
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "--stop" ]; then
    dir=${2:?usage: start-postgres.sh --stop DIR}
    if pg_ctl=$(find_bin pg_ctl) && [ -d "$dir/data" ]; then
        as_owner "$pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    exit 0
fi

if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
    if [ "$(id -u)" != 0 ] || [ -n "${SITREPS_PG_NO_INSTALL:-}" ]; then
        log "initdb/pg_ctl not found; install PostgreSQL (e.g. sudo apt-get install -y postgresql) and retry"
        exit 1
    fi
    log "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
fi
initdb=$(find_bin initdb)
pg_ctl=$(find_bin pg_ctl)

if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/sitreps-pg.XXXXXX")}
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
chmod 700 "$dir"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

as_owner "$initdb" -D "$dir/data" -U sitreps --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_owner "$initdb" -D "$dir/data" -U sitreps --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { log "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off"
if ! as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null; then
    log "the server did not start:"; cat "$dir/server.log" >&2; exit 1
fi
createdb=$(dirname "$(readlink -f "$pg_ctl")")/createdb
as_owner "$createdb" -h 127.0.0.1 -p "$port" -U sitreps sitreps_test

url="postgresql://sitreps@127.0.0.1:$port/sitreps_test"
log "PostgreSQL is running at $url (data in $dir; stop with: scripts/start-postgres.sh --stop $dir)"
echo "export SITREPS_TEST_PG_URL=$url"
echo "export SITREPS_TEST_PG_DIR=$dir"
