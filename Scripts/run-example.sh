#!/usr/bin/env bash
# Builds loa, recreates the example database Examples/bai-chay.sqlite from
# Examples/bai-chay.sql and publishes its feeds into feeds/; then the example province
# platform (Examples/platform/, three wards) into feeds/platform/.
#
# Usage: Scripts/run-example.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "run-example: $*" >&2; }

Scripts/install-deps.sh
say "swift build -c release --static-swift-stdlib --product loa"
swift build -c release --static-swift-stdlib --product loa
say "recreating Examples/bai-chay.sqlite from Examples/bai-chay.sql"
rm -f Examples/bai-chay.sqlite Examples/bai-chay.sqlite-journal \
  Examples/bai-chay.sqlite-wal Examples/bai-chay.sqlite-shm
sqlite3 -bail Examples/bai-chay.sqlite < Examples/bai-chay.sql
say "loa publish --config Examples/bai-chay.json"
.build/release/loa publish --config Examples/bai-chay.json
say "recreating Examples/platform/platform.sqlite from Examples/platform/platform.sql"
rm -f Examples/platform/platform.sqlite Examples/platform/platform.sqlite-journal \
  Examples/platform/platform.sqlite-wal Examples/platform/platform.sqlite-shm
sqlite3 -bail Examples/platform/platform.sqlite < Examples/platform/platform.sql
say "loa publish --config Examples/platform/platform.json (three wards and the roll-up, into feeds/platform)"
.build/release/loa publish --config Examples/platform/platform.json
find feeds -type f | sort
