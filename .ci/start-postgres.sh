#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for tests. Prints the admin URL on stdout.
# Usage: .ci/start-postgres.sh DIR PORT
set -euo pipefail
dir=${1:-/tmp/beranda-pg}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$dir"; mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
run "$bin/initdb" -D "$dir/data" -U beranda --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "postgres://beranda@127.0.0.1:$port/postgres"
