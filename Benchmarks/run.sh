#!/usr/bin/env bash
# The benchmark suite of issue 7: builds loa, loa-bench and the C serializer, generates the
# corpora, starts a throwaway PostgreSQL and MariaDB, measures every workload against the C program and
# the Python peers, and writes docs/PERFORMANCE.md. Benchmarks/README.md explains it all.
#
# Usage: Benchmarks/run.sh [--quick] [--big] [--platform]
#   --quick     smoke test: 10k corpus only, 3 runs each (numbers are rough)
#   --big       also W4: 1,000 categories on 1M articles against 1,000 categories on 10k
#               (about 4 GB of SQLite in .build/bench-data, 5 GB of PostgreSQL in /dev/shm)
#   --platform  also the province platform of issue 15 (Benchmarks/platform.sh: 168 sites, and
#               3,321 sites × 200 articles unless --quick; about 40 minutes, 15 GB of tmpfs);
#               without it, the report keeps the platform section of the last platform run
# Environment: LOA_BENCH_SCRATCH (SwiftPM scratch path, default .build-bench),
#              LOA_BENCH_OUTPUT (report path, default docs/PERFORMANCE.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=0
big=0
platform=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --big) big=1 ;;
    --platform) platform=1 ;;
    *) echo "usage: Benchmarks/run.sh [--quick] [--big] [--platform]" >&2; exit 2 ;;
  esac
done
say() { echo "bench: $*" >&2; }
# shellcheck source=Benchmarks/setup.sh
source "$root/Benchmarks/setup.sh"
started=$(date +%s)

# ---- 1. what it needs ------------------------------------------------------------------------
bash Scripts/install-deps.sh --test
bench_apt hyperfine time gcc libxml2-dev sqlite3 pkg-config postgresql mariadb-server mariadb-client python3-venv
bench_python

# ---- 2. build ----------------------------------------------------------------------------------
bench_build
# The installed binary's size: the .deb strips it the same way (Scripts/package-deb.sh).
strip --strip-unneeded -o "$root/.build/loa.stripped" "$loa"
cwriter="$root/.build/bench-c/rss_writer"
mkdir -p "$(dirname "$cwriter")"
# shellcheck disable=SC2046
gcc -O2 -Wall -o "$cwriter" Benchmarks/c/rss_writer.c $(pkg-config --cflags --libs libxml-2.0)

# ---- 3. work space: outputs and PostgreSQL on tmpfs ------------------------------------------
if [[ -d /dev/shm && -w /dev/shm ]]; then tmpfs=/dev/shm; else tmpfs="${TMPDIR:-/tmp}"; fi
work="$(mktemp -d "$tmpfs/loa-bench.XXXXXX")"
pgdir="$tmpfs/loa-bench-pg-$$"
mydir="$tmpfs/loa-bench-mariadb-$$"
results="$work/results"
mkdir -p "$results"
echo "$(stat -c %s "$root/.build/loa.stripped") bytes stripped" >"$results/binary.txt"
cleanup() {
  Scripts/postgres-test-server.sh stop "$pgdir" >/dev/null 2>&1 || true
  Scripts/mariadb-test-server.sh stop "$mydir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
say "outputs, state, PostgreSQL and MariaDB in $tmpfs ($(df --output=fstype "$tmpfs" | tail -n 1))"

# ---- 4. corpora ----------------------------------------------------------------------------------
data="$root/.build/bench-data"
mkdir -p "$data"
# Only the generator's own files: a new loa-bench command does not regenerate the corpora.
generator_stamp="$(cat Benchmarks/LoaBench/{Corpus,Vocabulary,SplitMix64,SQLiteSink,PostgresSink}.swift | sha256sum | cut -c1-16)"
seed=20261129
# corpus NAME ARTICLES CATEGORIES: a cached SQLite file, regenerated when the generator changed.
corpus() {
  local name=$1 n=$2 m=$3 file="$data/$1.sqlite"
  if [[ ! -f "$file" || "$(cat "$file.stamp" 2>/dev/null)" != "$generator_stamp $n $m $seed" ]]; then
    say "generating $name: $n articles, $m categories"
    rm -f "$file" "$file.stamp"
    "$bench" generate --articles "$n" --categories "$m" --seed "$seed" --sqlite "$file"
    echo "$generator_stamp $n $m $seed" >"$file.stamp"
  fi
}
corpora=(c10k)
corpus c10k 10000 50
main=c10k
if ((!quick)); then
  corpus c100k 100000 50
  corpora+=(c100k)
  main=c100k
fi
if ((big)); then
  corpus c10k-1000 10000 1000
  corpus c1m-1000 1000000 1000
  corpora+=(c10k-1000 c1m-1000)
fi
df -h "$data" "$tmpfs" >&2

say "starting PostgreSQL"
pgurl="$(Scripts/postgres-test-server.sh start "$pgdir")"
pgdb() { echo "${pgurl/\/postgres\?//bench_${1//-/_}?}"; }
for c in "${corpora[@]}"; do
  say "loading $c into PostgreSQL (COPY)"
  psql "$pgurl" -q -c "CREATE DATABASE bench_${c//-/_}" >/dev/null
  n=$(sqlite3 "$data/$c.sqlite" "SELECT count(*) FROM articles")
  m=$(sqlite3 "$data/$c.sqlite" "SELECT count(*) FROM categories")
  "$bench" generate --articles "$n" --categories "$m" --seed "$seed" --postgres "$(pgdb "$c")"
done

say "starting MariaDB"
myurl="$(Scripts/mariadb-test-server.sh start "$mydir")"
mydb() { echo "${myurl%/loa}/bench_${1//-/_}"; }
for c in "${corpora[@]}"; do
  say "loading $c into MariaDB (LOAD DATA LOCAL INFILE)"
  Benchmarks/load-mariadb.sh "$data/$c.sqlite" "$mydir/sock" "bench_${c//-/_}"
done

# ---- 5. measuring ---------------------------------------------------------------------------------
now_iso="2026-11-29T12:00:00+07:00"
now_local="2026-11-29 12:00:00"
if ((quick)); then runs=3; slow_runs=3; else runs=10; slow_runs=5; fi

# measure ID RUNS PREPARE COMMAND: hyperfine (medians over RUNS, one warm-up), then peak RSS
# (/usr/bin/time -f %M, three runs, each after PREPARE).
measure() {
  local id=$1 n=$2 prepare=$3 command=$4
  say "measure $id"
  hyperfine --runs "$n" --warmup 1 --style basic --prepare "$prepare" \
    --export-json "$results/$id.json" "$command" >"$results/$id.log" 2>&1 \
    || { cat "$results/$id.log" >&2; return 1; }
  : >"$results/$id.rss"
  for _ in 1 2 3; do
    bash -c "$prepare"
    /usr/bin/time -f %M -o "$results/$id.rss.one" bash -c "exec $command" >/dev/null 2>&1
    cat "$results/$id.rss.one" >>"$results/$id.rss"
  done
  rm -f "$results/$id.rss.one"
}

# A loa run directory: config from the template, its own output and state folders.
# loa_setup WORKLOAD CORPUS SOURCE → sets $run, $cmd
loa_setup() {
  local workload=$1 c=$2 source=$3 db
  run="$work/run/$workload-$c-$source"
  mkdir -p "$run"
  case $source in
    sqlite) db="sqlite:$run/db.sqlite" ;;
    postgres) db="$(pgdb "$c")" ;;
    mariadb) db="$(mydb "$c")" ;;
  esac
  [[ $source == sqlite && ! -e "$run/db.sqlite" ]] && ln -s "$data/$c.sqlite" "$run/db.sqlite"
  sed -e "s|@DATABASE@|${db//&/\\&}|" -e "s|@OUTPUT@|$run/out|" -e "s|@STATE@|$run/state|" \
    "Benchmarks/configs/$workload.json" >"$run/config.json"
  cmd="$loa publish --config $run/config.json --now $now_iso -q"
}

peer() {  # peer TOOL WORKLOAD CORPUS
  echo "$python $root/Benchmarks/peers/$1_peer.py --db $data/$3.sqlite --workload $2 --out $work/peer/$1-$2-$3 --now '$now_local'"
}

echo "main corpus: $main" >"$results/meta.txt"

# Serializer: the same cleaned items through loa's RSS2Serializer and the C program.
for n in 50 10000; do
  ((quick)) && ((n > 50)) && n=2000
  items="$work/items-$n.bin"
  "$bench" export-items --sqlite "$data/$main.sqlite" --items "$n" --out "$items" --now "$now_iso"
  # A 50-item document takes 0.3 ms: many repetitions and processes, alternating, so a
  # noisy moment of the machine does not decide the ratio.
  if ((n <= 100)); then repeat=2001; processes=7; else repeat=7; processes=3; fi
  : >"$results/ser.$n.loa.txt"
  : >"$results/ser.$n.c.txt"
  for ((k = 0; k < processes; k++)); do
    "$bench" serialize --items "$items" --format rss --repeat "$repeat" --out "$work/ser-loa-$n.xml" >>"$results/ser.$n.loa.txt"
    "$cwriter" --items "$items" --format rss --repeat "$repeat" --out "$work/ser-c-$n.xml" >>"$results/ser.$n.c.txt"
  done
  # The C program's peak memory for one document (items read, document built in memory, written):
  # what W2's peak memory is compared with.
  : >"$results/ser.$n.c.rss"
  for _ in 1 2 3; do
    /usr/bin/time -f %M -o "$work/c.rss.one" "$cwriter" --items "$items" --format rss --repeat 1 \
      --out "$work/ser-c-$n.xml" >/dev/null
    cat "$work/c.rss.one" >>"$results/ser.$n.c.rss"
  done
  # The publisher's own path for a feed past 1,024 items: its items written on every core.
  if ((n > 1024)); then
    : >"$results/ser.$n.loa-all.txt"
    for ((k = 0; k < processes; k++)); do
      "$bench" serialize --items "$items" --format rss --threads all --repeat "$repeat" \
        --out "$work/ser-loa-all-$n.xml" >>"$results/ser.$n.loa-all.txt"
    done
    cmp -s "$work/ser-loa-all-$n.xml" "$work/ser-c-$n.xml" || say "every-core serializer output differs for $n items"
  fi
  if cmp "$work/ser-loa-$n.xml" "$work/ser-c-$n.xml"; then
    echo "identical $(stat -c %s "$work/ser-c-$n.xml")" >"$results/ser.$n.cmp"
  else
    echo "DIFFERENT" >"$results/ser.$n.cmp"
    say "serializer outputs differ for $n items"
  fi
  say "serializer $n items: loa $(sort -t= -k2 -n "$results/ser.$n.loa.txt" | sed -n 2p), C $(sort -t= -k2 -n "$results/ser.$n.c.txt" | sed -n 2p)"
done

# Sanitizer (issue 16): loa's cleaning of the newest 1,000 bodies and nh3 on the same bodies,
# in-process, alternating three times; report.py takes the medians.
: >"$results/san.loa.txt"
: >"$results/san.nh3.txt"
for _ in 1 2 3; do
  "$bench" sanitize --sqlite "$data/$main.sqlite" --articles 1000 --repeat 5 >>"$results/san.loa.txt"
  "$python" Benchmarks/peers/nh3_peer.py --sqlite "$data/$main.sqlite" --articles 1000 --repeat 5 >>"$results/san.nh3.txt"
done
say "sanitizer: loa $(tail -n 1 "$results/san.loa.txt"), nh3 $(tail -n 1 "$results/san.nh3.txt")"

# W1, W2: one feed; cold (no state) and warm (cleaning cache kept, output removed).
for w in w1 w2; do
  n=$runs
  [[ $w == w2 ]] && n=$slow_runs
  sources=(sqlite postgres)
  [[ $w == w1 ]] && sources+=(mariadb)
  for source in "${sources[@]}"; do
    loa_setup "$w" "$main" "$source"
    measure "$w.cold.loa.$source" "$n" "rm -rf $run/state $run/out" "$cmd"
    measure "$w.warm.loa.$source" "$n" "rm -rf $run/out" "$cmd"
  done
  for tool in feedgen feedgenerator; do
    measure "$w.cold.$tool.sqlite" "$n" "rm -rf $work/peer/$tool-$w-$main" "$(peer "$tool" "$w" "$main")"
  done
done

# W3: site + every category × RSS, Atom, JSON Feed; cold, warm, no-op and one-edit.
edit_id=$(sqlite3 "$data/$main.sqlite" "SELECT id FROM articles WHERE status = 'published' AND published_at <= '$now_local' ORDER BY published_at DESC, id DESC LIMIT 1")
echo "edit_id: $edit_id" >>"$results/meta.txt"
w3_corpora=("$main")
((quick)) || w3_corpora+=(c10k)
for c in "${w3_corpora[@]}"; do
  sources=(sqlite postgres mariadb)
  [[ $c != "$main" ]] && sources=(sqlite)
  for source in "${sources[@]}"; do
    loa_setup w3 "$c" "$source"
    tag="w3"
    [[ $c != "$main" ]] && tag="w3-$c"
    measure "$tag.cold.loa.$source" "$runs" "rm -rf $run/state $run/out" "$cmd"
    measure "$tag.warm.loa.$source" "$runs" "rm -rf $run/out" "$cmd"
    [[ $c != "$main" ]] && continue
    # The database servers' output, byte for byte against SQLite's (before any edit).
    cp -r "$run/out" "$work/w3-out-$source"
    if [[ $source != sqlite ]]; then
      if diff -r "$work/w3-out-sqlite" "$work/w3-out-$source" >"$work/w3-diff-$source" 2>&1; then
        echo "identical $(find "$run/out" -type f | wc -l) files" >"$results/w3.same.$source"
      else
        echo "DIFFERENT $(grep -c '' "$work/w3-diff-$source") lines of diff" >"$results/w3.same.$source"
        say "W3 from $source differs from SQLite: $(head -c 300 "$work/w3-diff-$source")"
      fi
    fi
    measure "$tag.noop.loa.$source" "$runs" ":" "$cmd"
    # No-op: which files did one more run touch?
    snapshot() { (cd "$run/out" && find . -type f -printf '%p %T@ %i\n' | sort); }
    snapshot >"$work/before"
    $cmd
    snapshot >"$work/after"
    comm -13 "$work/before" "$work/after" | cut -d' ' -f1 >"$results/w3.noop.$source.changed"
    # One edit: a private copy of the database (SQLite) or an UPDATE (PostgreSQL, MariaDB) each run.
    if [[ $source == sqlite ]]; then
      rm -f "$run/db.sqlite"
      cp "$data/$c.sqlite" "$run/db.sqlite"
      edit="sqlite3 $run/db.sqlite \"UPDATE articles SET title = 'Tin cập nhật ' || abs(random() % 1000000), updated_at = '2026-11-28 ' || printf('%02d:%02d:00', abs(random() % 24), abs(random() % 60)) WHERE id = $edit_id\""
    elif [[ $source == postgres ]]; then
      edit="psql '$(pgdb "$c")' -q -c \"UPDATE articles SET title = 'Tin cập nhật ' || floor(random() * 1000000)::int, updated_at = timestamp '2026-11-28 00:00' + random() * interval '1 day' WHERE id = $edit_id\""
    else
      edit="mariadb --no-defaults --socket='$mydir/sock' -uroot bench_${c//-/_} -e \"UPDATE articles SET title = CONCAT('Tin cập nhật ', FLOOR(RAND() * 1000000)), updated_at = TIMESTAMP '2026-11-28 00:00:00' + INTERVAL FLOOR(RAND() * 86400) SECOND WHERE id = $edit_id\""
    fi
    $cmd  # the copy is a new file: render once so the one-edit runs start from a settled state
    measure "$tag.edit.loa.$source" "$runs" "$edit" "$cmd"
    (cd "$run/out" && grep -rlE "article:$edit_id[<\"]" . | sort) >"$results/w3.edit.$source.expected"
    snapshot >"$work/before"
    bash -c "$edit"
    $cmd
    snapshot >"$work/after"
    comm -13 "$work/before" "$work/after" | cut -d' ' -f1 | sort -u >"$results/w3.edit.$source.changed"
  done
  for tool in feedgen feedgenerator; do
    measure "$tag.cold.$tool.sqlite" "$runs" "rm -rf $work/peer/$tool-w3-$c" "$(peer "$tool" w3 "$c")"
  done
done

# The peers write the same items: compare the guid lists of every RSS feed of W3.
same=0
differ=0
for tool in feedgen feedgenerator; do
  loa_setup w3 "$main" sqlite
  for f in "$run"/out/rss.xml "$run"/out/*/rss.xml; do
    rel="${f#"$run"/out/}"
    p="$work/peer/$tool-w3-$main/$rel"
    if [[ -f "$p" ]] && [[ "$(grep -o 'article:[0-9]*' "$f")" == "$(grep -o 'article:[0-9]*' "$p")" ]]; then
      same=$((same + 1))
    else
      differ=$((differ + 1))
    fi
  done
done
echo "same_items: $same feeds identical, $differ differ" >>"$results/meta.txt"

# W4 (--big): 1,000 categories on 1M articles, peak memory against 1,000 categories on 10k.
if ((big)); then
  for c in c10k-1000 c1m-1000; do
    for source in sqlite postgres; do
      loa_setup w4 "$c" "$source"
      measure "w4-$c.cold.loa.$source" 3 "rm -rf $run/state $run/out" "$cmd"
      measure "w4-$c.warm.loa.$source" 3 "rm -rf $run/out" "$cmd"
    done
    for tool in feedgen feedgenerator; do
      measure "w4-$c.cold.$tool.sqlite" 3 "rm -rf $work/peer/$tool-w4-$c" "$(peer "$tool" w4 "$c")"
    done
  done
fi

# Issue 15 (--platform): its own script, its results in a folder of ours for the report.
if ((platform)); then
  mkdir -p "$results/platform"
  LOA_PLATFORM_RESULTS="$results/platform" LOA_BENCH_SCRATCH="$scratch" \
    Benchmarks/platform.sh $( ((quick)) && echo --quick)
fi

# ---- 6. the report ---------------------------------------------------------------------------------
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "mode: $( ((quick)) && echo quick || echo default)$( ((big)) && echo ' + big')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' (with uncommitted changes in Sources/)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
  echo "cores: $(nproc)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "kernel: $(uname -r)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "swift: $(swift --version 2>&1 | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1)"
  echo "gcc: $(gcc -dumpfullversion)"
  echo "python: $("$python" -c 'import platform; print(platform.python_version())')"
  echo "peers: $("$python" -m pip freeze --disable-pip-version-check 2>/dev/null | grep -Ei '^(feedgen|feedgenerator|lxml|nh3)==' | tr '\n' ' ')"
  echo "libxml2: $(pkg-config --modversion libxml-2.0)"
  echo "sqlite: $(pkg-config --modversion sqlite3)"
  echo "postgresql: $(psql "$pgurl" -At -c 'SHOW server_version')"
  echo "mariadb: $(mariadb --no-defaults --socket="$mydir/sock" -uroot -N -B -e 'SELECT VERSION()')"
  echo "hyperfine: $(hyperfine --version | cut -d' ' -f2)"
  echo "tmpfs: $tmpfs"
  for c in "${corpora[@]}"; do
    echo "corpus $c: $(sqlite3 "$data/$c.sqlite" "SELECT (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM categories) || ' categories, ' || (SELECT count(*) FROM articles WHERE status = 'published' AND published_at <= '$now_local') || ' publishable, ' || (SELECT CAST(avg(length(CAST(content_html AS BLOB))) AS INTEGER) FROM articles) || ' bytes of HTML per body'"), $(du -h "$data/$c.sqlite" | cut -f1)"
  done
  echo "elapsed: $(($(date +%s) - started)) s"
} >>"$results/meta.txt"
out="${LOA_BENCH_OUTPUT:-$root/docs/PERFORMANCE.md}"
"$python" Benchmarks/report.py "$results" "$out" >"$out.tmp"
mv "$out.tmp" "$out"
rm -rf "$root/.build/bench-results-last"
cp -r "$results" "$root/.build/bench-results-last"
say "wrote $out in $(($(date +%s) - started)) s"
