#!/usr/bin/env bash
# Installs what the tests need, builds loa and runs the whole test suite,
# including the independent feed checkers (Tests/Checkers), which are required
# here rather than skipped; then the README's first command (Scripts/run-example.sh),
# which must leave feeds/ as committed; the suite again under AddressSanitizer; and a
# short bounded run of every libFuzzer target (Fuzz/). Extra arguments go to the
# first `swift test` only (and skip the rest), e.g.
#   Scripts/test.sh --filter LoaKitTests
# LOA_SKIP_EXAMPLE=1, LOA_SKIP_ASAN=1 and LOA_SKIP_FUZZ=1 skip those runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "test: $*" >&2; }

Scripts/install-deps.sh --test
export LOA_CHECKERS_PYTHON="$root/.build/checkers-venv/bin/python"
export LOA_REQUIRE_CHECKERS=1

# A throwaway PostgreSQL server for the tests that need one; here a missing server is a
# failure, not a skip (LOA_REQUIRE_POSTGRES).
pgdir="$(mktemp -d /tmp/loa-pg.XXXXXX)"
trap 'Scripts/postgres-test-server.sh stop "$pgdir"' EXIT
say "starting PostgreSQL in $pgdir"
LOA_TEST_POSTGRES_URL="$(Scripts/postgres-test-server.sh start "$pgdir")"
export LOA_TEST_POSTGRES_URL
export LOA_REQUIRE_POSTGRES=1

# A throwaway MariaDB server likewise (LOA_REQUIRE_MARIADB): its own datadir, loopback only.
mariadbdir="$(mktemp -d /tmp/loa-mariadb.XXXXXX)"
trap 'Scripts/postgres-test-server.sh stop "$pgdir"; Scripts/mariadb-test-server.sh stop "$mariadbdir"' EXIT
say "starting MariaDB in $mariadbdir"
LOA_TEST_MARIADB_URL="$(Scripts/mariadb-test-server.sh start "$mariadbdir")"
export LOA_TEST_MARIADB_URL
export LOA_REQUIRE_MARIADB=1

# No test may write state into the home directory of whoever runs it.
STATE_DIRECTORY="$(mktemp -d /tmp/loa-test-state.XXXXXX)"
export STATE_DIRECTORY
trap 'Scripts/postgres-test-server.sh stop "$pgdir"; Scripts/mariadb-test-server.sh stop "$mariadbdir"; rm -rf "$STATE_DIRECTORY"' EXIT

# The .deb, built before the tests (a release build: SwiftPM locks .build while tests run,
# and Scripts/run-example.sh reuses it); PackageTests checks it and, in CI as root, installs
# and removes it.
export LOA_REQUIRE_NGINX=1
say "Scripts/package-deb.sh"
LOA_TEST_PACKAGE_DEB="$(Scripts/package-deb.sh "$STATE_DIRECTORY/dist")"
export LOA_TEST_PACKAGE_DEB
if [[ "${CI:-}" == true && $EUID == 0 ]]; then export LOA_TEST_PACKAGE_INSTALL=1; fi

say "swift build"
swift build --explicit-target-dependency-import-check error
say "swift test $*"
swift test "$@"
(($# == 0)) || exit 0

if [[ "${LOA_SKIP_EXAMPLE:-0}" != 1 ]]; then
  # The README's first command, as a new user runs it (a release build with the static Swift
  # standard library): it must work and publish exactly the committed feeds/.
  say "the README's first command: Scripts/run-example.sh"
  Scripts/run-example.sh >/dev/null
  if [[ -d .git ]] && command -v git >/dev/null; then
    changed="$(git status --porcelain -- feeds)"
    if [[ -n "$changed" ]]; then
      echo "test: Scripts/run-example.sh changed feeds/:" >&2
      echo "$changed" >&2
      exit 1
    fi
  fi
fi

if [[ "${LOA_SKIP_ASAN:-0}" != 1 ]]; then
  # The whole suite again, loa and its tests built with AddressSanitizer (and LeakSanitizer):
  # the C wrappers (libxml2, SQLite, libpq, zlib) are where memory errors would hide. The
  # kill tests run fewer trials (every 6th file operation): each ASan process starts slower.
  # LeakSanitizer ignores only what the toolchain's own libraries keep until exit
  # (Tests/Sanitizers/lsan.supp); the `loa` processes the tests start inherit both settings.
  say "swift test --sanitize=address (scratch .build-asan)"
  swift build --build-tests --sanitize=address --scratch-path .build-asan
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" \
    LSAN_OPTIONS="suppressions=$root/Tests/Sanitizers/lsan.supp:print_suppressions=0" \
    LOA_KILL_TRIALS=20 LOA_KILL_STRIDE=6 swift test --skip-build --sanitize=address --scratch-path .build-asan
fi

if [[ "${LOA_SKIP_FUZZ:-0}" != 1 ]]; then
  # Deterministic: a fixed libFuzzer seed and a fixed number of executions per target, so the
  # same commit explores the same inputs on any machine, loaded or not (time only bounds a
  # hang: 900 s per target, 60 s per input). Open-ended fuzzing is `Fuzz/run.sh all SECONDS`.
  runs="${LOA_FUZZ_RUNS:-3000}"
  say "fuzzing: every target, $runs executions from seed 1 (Fuzz/run.sh)"
  Fuzz/run.sh all 900 -- -seed=1 -runs="$runs" -timeout=60
fi
