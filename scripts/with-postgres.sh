#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on 127.0.0.1, exported as
# TERMLENS_TEST_POSTGRES_URL; the server and its data directory are removed afterwards.
set -euo pipefail
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb" ]; then
  echo "with-postgres: PostgreSQL is not installed (run scripts/system-deps.sh); running without it" >&2
  exec "$@"
fi
bin=$(dirname "$initdb")
port=${TERMLENS_PG_PORT:-$((20000 + RANDOM % 20000))}
dir=$(mktemp -d /tmp/termlens-pg.XXXXXX)
as_user=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"   # PostgreSQL refuses to run as root
  as_user=(runuser -u postgres --)
fi
cleanup() { "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
"${as_user[@]}" "$bin/initdb" -D "$dir/data" -U termlens --auth=trust -E UTF8 >/dev/null
"${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$port" -U termlens termlens_test
export TERMLENS_TEST_POSTGRES_URL="postgresql+psycopg://termlens@127.0.0.1:$port/termlens_test"
echo "with-postgres: PostgreSQL on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
exit $status
