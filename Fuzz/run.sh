#!/usr/bin/env bash
# Builds the libFuzzer targets once and runs one target, or all of them, for a bounded time.
#
#   Fuzz/run.sh TARGET [SECONDS] [-- LIBFUZZER_ARGS…]   one target (default 60 s)
#   Fuzz/run.sh all SECONDS [-- LIBFUZZER_ARGS…]         every target, SECONDS each
#   Fuzz/run.sh list                                      the target names
#   Fuzz/run.sh build                                     build only
#
# Each run reads the committed seeds in Fuzz/Corpus/TARGET and writes new inputs to
# .build-fuzz/corpus/TARGET (scratch, git-ignored), never to the committed corpus. Crash,
# timeout and out-of-memory inputs go to .build-fuzz/artifacts/, the log to .build-fuzz/logs/.
# Exits non-zero when any target crashed (or failed to build or start).
#
# FUZZ_KEEP_GOING=1 keeps fuzzing after a crash (libFuzzer's -fork=1 -ignore_crashes=1), to
# collect several distinct crashes in one run; the exit status is still non-zero if any
# artifact was written.
set -uo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$fuzz_dir/.." && pwd)"
scratch="$root/.build-fuzz"
targets=(FuzzCleaning FuzzHTMLSanitizer FuzzDateParser FuzzWeatherOpenMeteo FuzzWeatherMETNorway
  FuzzWeatherOpenWeatherMap FuzzConfiguration FuzzConnectionString
  FuzzCategoryTree FuzzAtomCheck FuzzHTMLSinglePass)
say() { echo "fuzz: $*" >&2; }
# Swift's own crash backtracer trips over ASan (stack-buffer-underflow in memserver_read) and can
# hang; libFuzzer prints a symbolized stack itself.
export SWIFT_BACKTRACE=enable=no

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 64
}

build() {
  mkdir -p "$scratch/logs"
  say "building (swift build -c debug -Xswiftc -sanitize=fuzzer,address)"
  if ! (cd "$fuzz_dir" && swift build -c debug -Xswiftc -sanitize=fuzzer,address \
    --scratch-path "$scratch") >"$scratch/logs/build.log" 2>&1; then
    # gold warns about every ASan-local symbol; show only the interesting lines.
    grep -v "Cannot export local symbol" "$scratch/logs/build.log" | tail -40 >&2
    say "build failed (full log: $scratch/logs/build.log)"
    exit 1
  fi
}

# Runs one target; prints one summary line; returns non-zero on a crash.
run_one() {
  local target="$1" seconds="$2"
  shift 2
  local binary="$scratch/debug/$target"
  local seeds="$fuzz_dir/Corpus/$target"
  local work="$scratch/corpus/$target"
  local artifacts="$scratch/artifacts"
  local log="$scratch/logs/$target.log"
  [[ -x "$binary" ]] || { say "$target: no binary at $binary"; return 1; }
  [[ -d "$seeds" ]] || { say "$target: no seed corpus at $seeds"; return 1; }
  mkdir -p "$work" "$artifacts"
  local before
  before="$(find "$artifacts" -maxdepth 1 -name "$target-*" | wc -l)"
  local extra=()
  if [[ "${FUZZ_KEEP_GOING:-0}" == 1 ]]; then
    extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  say "$target: ${seconds}s (log: $log)"
  # The first corpus directory receives new inputs; the seeds are only read.
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/$target-" -print_final_stats=1 "${extra[@]}" "$@" \
    "$work" "$seeds" >"$log" 2>&1
  local status=$?
  local after
  after="$(find "$artifacts" -maxdepth 1 -name "$target-*" | wc -l)"
  local runs speed cov
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1)"
  if [[ $status -ne 0 || $after -gt $before ]]; then
    grep -E "invariant broken|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|SUMMARY|Test unit written to" \
      "$log" | head -20 >&2
    say "$target: FAILED (exit $status, $((after - before)) new artifact(s) in $artifacts)"
    return 1
  fi
  echo "$target: ok, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-cov: ?}"
}

[[ $# -ge 1 ]] || usage
what="$1"
shift
seconds=60
if [[ $# -ge 1 && "$1" != "--" ]]; then
  seconds="$1"
  shift
fi
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
if [[ $# -ge 1 ]]; then
  [[ "$1" == "--" ]] || usage
  shift
fi

case "$what" in
  list) printf '%s\n' "${targets[@]}" ;;
  build) build ;;
  all)
    build
    failed=0
    for t in "${targets[@]}"; do run_one "$t" "$seconds" "$@" || failed=1; done
    exit $failed
    ;;
  -h | --help | help) usage ;;
  *)
    found=0
    for t in "${targets[@]}"; do [[ "$t" == "$what" ]] && found=1; done
    [[ $found == 1 ]] || { say "unknown target $what (try: $0 list)"; exit 64; }
    build
    run_one "$what" "$seconds" "$@"
    ;;
esac
