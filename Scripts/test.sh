#!/usr/bin/env bash
# Installs what the tests need, builds loa and runs the whole test suite,
# including the independent feed checkers (Tests/Checkers), which are required
# here rather than skipped. Extra arguments go to `swift test`, e.g.
#   Scripts/test.sh --filter LoaKitTests
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

say "swift build"
swift build
say "swift test $*"
swift test "$@"
