#!/usr/bin/env bash
# Starts a throw-away PostgreSQL from Debian's package for the tests (CI runs this as root).
# Prints the TEST_DATABASE_URL to use. Data lives in a temporary directory and is gone with the machine.
set -euo pipefail
PORT="${PGPORT_TEST:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
DATA="${PGDATA_TEST:-/tmp/gevinstspor-pg}"
run() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
if ! run "$BIN/pg_isready -h 127.0.0.1 -p $PORT" >/dev/null 2>&1; then
  rm -rf "$DATA"; mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  run "$BIN/initdb -D $DATA -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  run "$BIN/pg_ctl -D $DATA -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -l $DATA/log -w start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
