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

# --- PostgreSQL: a later change starts a throwaway server here -------------
# (initdb into a temporary directory, pg_ctl start on a local socket/port,
# export its URL for the tests, and a trap that stops it and removes the
# directory on exit.)
# ---------------------------------------------------------------------------

say "swift build"
swift build
say "swift test $*"
swift test "$@"
