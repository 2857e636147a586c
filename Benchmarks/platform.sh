#!/usr/bin/env bash
# The province-platform benchmark of issue 15 (docs/multisite.md): loa's platform mode on a
# platform of 168 sites and of 3,321 sites × 200 articles, against the same work done one
# configuration per site with loa's single-site mode (sequentially and 2 at a time) and with
# python-feedgen looping over the sites; shards N = 1 and 2. Writes the section "Province
# platform (issue 15)" of docs/PERFORMANCE.md. Benchmarks/README.md explains it.
#
# Usage: Benchmarks/platform.sh [--quick] [--small-only] [--runs N] [--big-runs N]
#   --quick       the 168-site platform only, 3 runs (numbers are rough)
#   --small-only  the 168-site platform only
#   --runs N      runs of each measurement on 168 sites (default 3; the median is reported)
#   --big-runs N  runs of each measurement on 3,321 sites (default 1)
# Environment: LOA_BENCH_SCRATCH (SwiftPM scratch path, default .build-bench),
#   LOA_BENCH_OUTPUT (the report to put the section in, default docs/PERFORMANCE.md),
#   LOA_PLATFORM_RESULTS (a folder: write the raw results and the section there and leave
#   the report alone; Benchmarks/run.sh --platform uses it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
small_only=0
runs=3
big_runs=1
while (($#)); do
  case "$1" in
    --quick) small_only=1 runs=3 ;;
    --small-only) small_only=1 ;;
    --runs) runs=$2; shift ;;
    --big-runs) big_runs=$2; shift ;;
    *) echo "usage: Benchmarks/platform.sh [--quick] [--small-only] [--runs N] [--big-runs N]" >&2; exit 2 ;;
  esac
  shift
done
say() { echo "platform-bench: $*" >&2; }
# shellcheck source=Benchmarks/setup.sh
source "$root/Benchmarks/setup.sh"
started=$(date +%s)

# ---- 1. what it needs (a subset of run.sh's) --------------------------------------------------
bench_apt time sqlite3 python3-venv
bench_python

bench_build

# ---- 2. work space on tmpfs, corpora -------------------------------------------------------------
if [[ -d /dev/shm && -w /dev/shm ]]; then tmpfs=/dev/shm; else tmpfs="${TMPDIR:-/tmp}"; fi
work="$(mktemp -d "$tmpfs/loa-platform-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
results="${LOA_PLATFORM_RESULTS:-$work/results}"
mkdir -p "$results"
say "outputs, state and database copies in $work ($(df --output=fstype "$tmpfs" | tail -n 1))"

data="$root/.build/bench-data"
mkdir -p "$data"
generator_stamp="$(cat Benchmarks/LoaBench/*.swift | sha256sum | cut -c1-16)"
seed=20261129
categories=8
articles=200
# platform NAME SITES: a cached SQLite platform corpus, regenerated when the generator changed.
platform() {
  local name=$1 sites=$2 file="$data/$1.sqlite"
  if [[ ! -f "$file" || "$(cat "$file.stamp" 2>/dev/null)" != "$generator_stamp $sites $articles $categories $seed" ]]; then
    say "generating $name: $sites sites × $articles articles, $categories categories each"
    rm -f "$file" "$file.stamp"
    local t0=$EPOCHREALTIME
    "$bench" generate --platform --sites "$sites" --articles-per-site "$articles" \
      --categories-per-site "$categories" --seed "$seed" --sqlite "$file"
    echo "generate $name: $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s" >>"$results/meta.txt"
    echo "$generator_stamp $sites $articles $categories $seed" >"$file.stamp"
  fi
}
sizes=(p168)
platform p168 168
if ((!small_only)); then
  platform p3321 3321
  sizes+=(p3321)
fi

# ---- 3. measuring ------------------------------------------------------------------------------------
now_iso="2026-11-29T12:00:00+07:00"
now_local="2026-11-29 12:00:00"

# measure ID RUNS PREPARE COMMAND: RUNS times PREPARE, then COMMAND under /usr/bin/time: wall
# time (bash's EPOCHREALTIME around it) and peak RSS (%M: the largest process of the command,
# children included). Written as hyperfine's JSON and run.sh's .rss so report.py's reader
# takes them. The load average before each run goes to ID.load.
measure() {
  local id=$1 n=$2 prepare=$3 command=$4 k t0 t1 times=""
  say "measure $id ($n run$( ((n > 1)) && echo s))"
  : >"$results/$id.rss"
  : >"$results/$id.load"
  for ((k = 0; k < n; k++)); do
    bash -c "$prepare"
    cut -d' ' -f1 /proc/loadavg >>"$results/$id.load"
    t0=$EPOCHREALTIME
    /usr/bin/time -f %M -o "$results/$id.rss.one" bash -c "$command" >"$results/$id.log" 2>&1 \
      || { cat "$results/$id.log" >&2; say "$id failed"; return 1; }
    t1=$EPOCHREALTIME
    cat "$results/$id.rss.one" >>"$results/$id.rss"
    times+="${times:+, }$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')"
  done
  rm -f "$results/$id.rss.one"
  echo "{\"results\": [{\"command\": $(printf '%s' "$command" | "$python" -c 'import json, sys; print(json.dumps(sys.stdin.read()))'), \"times\": [$times]}]}" \
    >"$results/$id.json"
  say "  $id: $times s, $(tr '\n' ' ' <"$results/$id.rss")KB"
}

# changed DIR BEFORE: the files of DIR whose mtime or inode differ from the BEFORE snapshot.
snapshot() { (cd "$1" && find . -type f -printf '%p %T@ %i\n' | sort); }

for size in "${sizes[@]}"; do
  n=$runs
  [[ $size == p3321 ]] && n=$big_runs
  sites=$(sqlite3 "$data/$size.sqlite" "SELECT count(*) FROM sites")
  run="$work/$size"
  mkdir -p "$run"
  # A private copy (the one-edit runs change it): on tmpfs when small; a big one on disk
  # (read from the page cache after the first run), leaving tmpfs to the outputs.
  dbdir="$run"
  if (($(stat -c %s "$data/$size.sqlite") > 1 << 30)); then
    dbdir="$root/.build/platform-work"
    mkdir -p "$dbdir"
  fi
  cp "$data/$size.sqlite" "$dbdir/$size.sqlite"
  ln -sf "$dbdir/$size.sqlite" "$run/db.sqlite"
  # One output tree at a time is kept: 3,321 sites write about 11 GB of feeds and 2.6 GB of
  # state. Outputs on disk would measure the disk (loa syncs each commit), so tmpfs it is,
  # when the memory is there.
  need_kb=$((sites * 4400))  # about 3.4 MB of output and 0.8 MB of state per site, plus room
  avail_kb=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo)
  if ((avail_kb < need_kb + 3 * 1024 * 1024)); then
    say "only $((avail_kb / 1024)) MiB of memory available for about $((need_kb / 1024)) MiB of output: outputs on disk"
    run="$root/.build/platform-work/$size-run"
    rm -rf "$run"
    mkdir -p "$run"
    ln -sf "$dbdir/$size.sqlite" "$run/db.sqlite"
    echo "$size outputs: on disk ($((avail_kb / 1024)) MiB of memory available)" >>"$results/meta.txt"
  else
    echo "$size outputs: tmpfs" >>"$results/meta.txt"
  fi
  db="sqlite:$run/db.sqlite"
  echo "load before $size: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/meta.txt"

  # loa, platform mode (every site in one process, concurrency = cores).
  sed -e "s|@DATABASE@|$db|" -e "s|@OUTPUT@|$run/out|" -e "s|@STATE@|$run/state|" \
    Benchmarks/configs/platform.json >"$run/platform.json"
  cmd="$loa publish --config $run/platform.json --now $now_iso -q"
  measure "$size.cold.loa" "$n" "rm -rf $run/state $run/out" "$cmd"
  measure "$size.warm.loa" "$n" "rm -rf $run/out" "$cmd"
  echo "$size files: $(find "$run/out" -type f | wc -l)" >>"$results/meta.txt"
  echo "$size sites: $sites" >>"$results/meta.txt"
  snapshot "$run/out" >"$work/before"
  measure "$size.noop.loa" "$n" ":" "$cmd"
  snapshot "$run/out" >"$work/after"
  comm -13 "$work/before" "$work/after" | cut -d' ' -f1 >"$results/$size.noop.changed"
  # One edit: the newest publishable article of the middle site gets a new title and updated_at.
  middle=$(((sites + 1) / 2))
  edit_id=$(sqlite3 "$run/db.sqlite" "SELECT id FROM articles WHERE site_id = $middle AND status = 'published' AND published_at <= '$now_local' ORDER BY published_at DESC, id DESC LIMIT 1")
  edit_site=$(sqlite3 "$run/db.sqlite" "SELECT slug FROM sites WHERE id = $middle")
  echo "$size edit: article $edit_id of site $edit_site" >>"$results/meta.txt"
  edit="sqlite3 $run/db.sqlite \"UPDATE articles SET title = 'Tin cập nhật ' || abs(random() % 1000000), updated_at = '2026-11-28 ' || printf('%02d:%02d:00', abs(random() % 24), abs(random() % 60)) WHERE id = $edit_id\""
  snapshot "$run/out" >"$work/before"
  measure "$size.edit.loa" "$n" "$edit" "$cmd"
  snapshot "$run/out" >"$work/after"
  comm -13 "$work/before" "$work/after" | cut -d' ' -f1 | sort -u >"$results/$size.edit.changed"
  (cd "$run/out" && grep -rlE "article:$edit_id[<\"]" . | sort) >"$results/$size.edit.expected"

  # Shards: N = 1 and N = 2 processes on the same database, state and output, each building one
  # site at a time (platform.concurrency 1), so N processes is N cores' worth of work; warm.
  sed -e 's|"concurrency": 0|"concurrency": 1|' "$run/platform.json" >"$run/platform-c1.json"
  c1="$loa publish --config $run/platform-c1.json --now $now_iso -q"
  # A changed platform.concurrency invalidates the state's cached work (the first run after it
  # costs 2-3x a warm run): settle once before measuring.
  bash -c "rm -rf $run/out && $c1"
  measure "$size.shard1.loa" "$n" "rm -rf $run/out" "$c1 --shard 1/1"
  measure "$size.shard2.loa" "$n" "rm -rf $run/out" "$c1 --shard 1/2 & $c1 --shard 2/2 & wait -n && wait -n"
  # Checksums, not a copy: two trees of a big platform do not fit in memory.
  sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 md5sum); }
  sums "$run/out" >"$work/sharded.sums"
  bash -c "rm -rf $run/out && $cmd"
  sums "$run/out" >"$work/single.sums"
  if cmp -s "$work/single.sums" "$work/sharded.sums"; then
    echo "$size shards: identical ($(grep -c '' "$work/single.sums") files)" >>"$results/meta.txt"
  else
    echo "$size shards: DIFFERENT" >>"$results/meta.txt"
  fi
  # The item ids of every site and category RSS feed, in order (not the roll-up's), to
  # compare with the other ways of publishing once this tree is gone.
  items() { (cd "$1" && grep -roE --include=rss.xml 'article:[0-9]+' . | grep -v '^\./rss\.xml:' | sort -s -t: -k1,1); }
  items "$run/out" >"$work/items.loa"
  rm -rf "$run/out" "$run/state"

  # The same sites one configuration each, today's single-site loa (articlesQuery and
  # categoriesQuery WHERE site_id = n), one after the other and two at a time.
  "$python" Benchmarks/platform-configs.py "$run/db.sqlite" "$db" "$run/pc-out" "$run/pc-state" "$run/pc"
  for p in 1 2; do
    percfg="find $run/pc -name '*.json' | sort | xargs -P $p -I{} $loa publish --config {} --now $now_iso -q"
    measure "$size.cold.config$p" "$n" "rm -rf $run/pc-state $run/pc-out" "$percfg"
    measure "$size.warm.config$p" "$n" "rm -rf $run/pc-out" "$percfg"
    measure "$size.noop.config$p" "$n" ":" "$percfg"
  done
  feeds=$(cut -d: -f1 "$work/items.loa" | sort -u | wc -l)
  if items "$run/pc-out" | cmp -s - "$work/items.loa"; then
    echo "$size config items: the $feeds feeds identical" >>"$results/meta.txt"
  else
    echo "$size config items: DIFFERENT" >>"$results/meta.txt"
  fi
  rm -rf "$run/pc-out" "$run/pc-state"

  # python-feedgen looping over the sites in one process, and two processes (every other site).
  peer="$python $root/Benchmarks/peers/platform_peer.py --db $run/db.sqlite --workload w3 --out $run/peer --now '$now_local'"
  measure "$size.cold.feedgen1" "$n" "rm -rf $run/peer" "$peer"
  if items "$run/peer" | cmp -s - "$work/items.loa"; then
    echo "$size feedgen items: the $feeds feeds identical" >>"$results/meta.txt"
  else
    echo "$size feedgen items: DIFFERENT" >>"$results/meta.txt"
  fi
  measure "$size.cold.feedgen2" "$n" "rm -rf $run/peer" "$peer --shard 1/2 & $peer --shard 2/2 & wait -n && wait -n"
  echo "load after $size: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/meta.txt"
  rm -rf "$run" "$dbdir/$size.sqlite"
done

# ---- 4. the section of the report ----------------------------------------------------------------------
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' (with uncommitted changes in Sources/)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
  echo "cores: $(nproc)"
  echo "runs: $runs"
  echo "big runs: $big_runs"
  echo "peers: $("$python" -m pip freeze --disable-pip-version-check 2>/dev/null | grep -Ei '^(feedgen|lxml)==' | tr '\n' ' ')"
  for size in "${sizes[@]}"; do
    echo "corpus $size: $(sqlite3 "$data/$size.sqlite" "SELECT (SELECT count(*) FROM sites) || ' sites, ' || (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM categories) || ' categories, ' || (SELECT count(*) FROM articles WHERE status = 'published' AND published_at <= '$now_local') || ' publishable'"), $(du -h "$data/$size.sqlite" | cut -f1)"
  done
  echo "elapsed: $(($(date +%s) - started)) s"
} >>"$results/meta.txt"
"$python" Benchmarks/report_platform.py "$results" >"$results/section.md"
if [[ -z "${LOA_PLATFORM_RESULTS:-}" ]]; then
  out="${LOA_BENCH_OUTPUT:-$root/docs/PERFORMANCE.md}"
  "$python" Benchmarks/report_platform.py --splice "$out" "$results/section.md" >"$out.tmp"
  mv "$out.tmp" "$out"
  rm -rf "$root/.build/bench-results-platform-last"
  cp -r "$results" "$root/.build/bench-results-platform-last"
  say "wrote the section into $out in $(($(date +%s) - started)) s"
fi
