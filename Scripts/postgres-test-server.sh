#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: initdb into DIR, listen only on a Unix socket
# in DIR (no port to collide with), trust for the "loa" role, scram-sha-256 for "loa_pw" (the
# wrong-password test). PostgreSQL refuses to run as root, so as root the server runs as the
# "postgres" system user that Debian's package creates.
#
# Usage: Scripts/postgres-test-server.sh start DIR   # prints the connection URL
#        Scripts/postgres-test-server.sh stop DIR
set -euo pipefail

command=${1-}
dir=${2-}
[[ -n "$command" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
say() { echo "postgres-test-server: $*" >&2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n "$bindir" && -x "$bindir/initdb" ]] || {
  echo "postgres-test-server: no PostgreSQL server found (Scripts/install-deps.sh --test installs it)" >&2
  exit 1
}
port=54329

as_owner() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    mkdir -p "$dir"
    ((EUID == 0)) && chown postgres: "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U loa -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
CONF
    # The password role needs a password; everything else is trusted (local socket only).
    cat >"$dir/data/pg_hba.conf" <<HBA
local all loa_pw scram-sha-256
local all all trust
HBA
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    "$bindir/psql" -h "$dir" -p "$port" -U loa -d postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE loa_pw LOGIN PASSWORD 'right-password'" >/dev/null
    say "running in $dir"
    echo "postgresql://loa@/postgres?host=$dir&port=$port"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
