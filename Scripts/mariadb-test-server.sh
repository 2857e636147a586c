#!/usr/bin/env bash
# A throwaway MariaDB server for the tests: mariadb-install-db into DIR, listening on a Unix
# socket in DIR and on a free loopback port (127.0.0.1 only). It has a "loa" user with a
# password, so the wrong-password test is real, and a "loa" database; the binary log is on,
# so the change token (the binlog position of the read snapshot) is tested too. As root
# (CI) the server runs with --user=root: the files are in a temporary folder anyway.
#
# Usage: Scripts/mariadb-test-server.sh start DIR   # prints the connection URL
#        Scripts/mariadb-test-server.sh stop DIR
set -euo pipefail

command=${1-}
dir=${2-}
[[ -n "$command" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
say() { echo "mariadb-test-server: $*" >&2; }

server=$(command -v mariadbd || ls /usr/sbin/mariadbd 2>/dev/null || true)
[[ -n "$server" && -x "$server" ]] && command -v mariadb-install-db >/dev/null || {
  echo "mariadb-test-server: no MariaDB server found (Scripts/install-deps.sh --test installs it)" >&2
  exit 1
}
password=loa-test-password

case "$command" in
  start)
    # Its own temporary folder: two servers bootstrapping at once collide in /tmp.
    mkdir -p "$dir/tmp"
    dir=$(cd "$dir" && pwd)
    user_args=()
    ((EUID == 0)) && user_args=(--user=root)
    mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
      --skip-test-db --tmpdir="$dir/tmp" "${user_args[@]}" >"$dir/install.log" 2>&1 \
      || { cat "$dir/install.log" >&2; exit 1; }
    # A free port: bind 0 and read what the kernel chose (a race with another process taking it
    # before the server does is possible but harmless: start fails and says so).
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # The server keeps none of the caller's file descriptors: a test harness reads this
    # script's output to its end, which never comes while a server holds a copy of the pipe.
    (
      for fd in /proc/self/fd/*; do
        fd=${fd##*/}
        ((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
      done
      exec "$server" --no-defaults "${user_args[@]}" --datadir="$dir/data" --socket="$dir/sock" \
        --port="$port" --bind-address=127.0.0.1 --pid-file="$dir/server.pid" \
        --tmpdir="$dir/tmp" --log-error="$dir/server.log" --log-bin="$dir/data/binlog" --server-id=1 \
        --innodb-buffer-pool-size=32M --innodb-log-file-size=8M \
        --innodb-flush-log-at-trx-commit=0 --skip-name-resolve \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
    ) </dev/null >/dev/null 2>&1 &
    for _ in $(seq 1 300); do
      if mariadb --no-defaults --socket="$dir/sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
        break
      fi
      sleep 0.2
    done
    mariadb --no-defaults --socket="$dir/sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 \
      || { say "the server did not start"; cat "$dir/server.log" >&2; exit 1; }
    mariadb --no-defaults --socket="$dir/sock" -uroot <<SQL
CREATE DATABASE loa CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'loa'@'localhost' IDENTIFIED BY '$password';
CREATE USER 'loa'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL ON *.* TO 'loa'@'localhost' WITH GRANT OPTION;
GRANT ALL ON *.* TO 'loa'@'127.0.0.1' WITH GRANT OPTION;
SQL
    say "running in $dir (port $port)"
    echo "mariadb://loa:$password@127.0.0.1:$port/loa"
    ;;
  stop)
    if [[ -f "$dir/server.pid" ]]; then
      pid=$(cat "$dir/server.pid")
      # A test may have left it stopped (SIGSTOP): continue it so it can end.
      kill -CONT "$pid" 2>/dev/null || true
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
