# Sourced by Benchmarks/run.sh and Benchmarks/platform.sh (which define `root` and `say`):
# what both need before measuring.

# bench_apt PACKAGE...: installs the Debian packages that are missing (as root, or with sudo).
bench_apt() {
  local missing=() package
  for package in "$@"; do
    [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" == "install ok installed" ]] \
      || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  say "apt-get install ${missing[*]}"
  as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# bench_python: the Python peers' virtual environment (.build/bench-venv, made again when
# Benchmarks/peers/requirements.txt changes); sets `python`.
bench_python() {
  local venv="$root/.build/bench-venv" requirements="$root/Benchmarks/peers/requirements.txt"
  if ! { [[ -x "$venv/bin/python" ]] && cmp -s "$requirements" "$venv/requirements.installed.txt"; }; then
    say "creating $venv"
    rm -rf "$venv"
    mkdir -p "$root/.build"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
    cp "$requirements" "$venv/requirements.installed.txt"
  fi
  python="$venv/bin/python"
}

# bench_build: loa and loa-bench in release mode, built as loa is built for use (README: the
# Swift runtime linked in, which starts in about half the time of the shared one), in
# LOA_BENCH_SCRATCH (default .build-bench); sets `scratch`, `bin`, `loa` and `bench`.
bench_build() {
  scratch="${LOA_BENCH_SCRATCH:-$root/.build-bench}"
  say "swift build -c release --static-swift-stdlib (loa, loa-bench) in $scratch"
  swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product loa >&2
  swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product loa-bench >&2
  bin="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)"
  loa="$bin/loa"
  bench="$bin/loa-bench"
}
