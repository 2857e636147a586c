#!/usr/bin/env bash
# Installs what building loa needs on a Debian/Ubuntu machine that has only the
# Swift toolchain; with --test, also what the tests need, including the Python
# venv for the feed checkers (.build/checkers-venv). Fast when all is there.
#
# Usage: Scripts/install-deps.sh [--test]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { echo "install-deps: $*" >&2; }
# Runs a command with its output kept back, shown only if it fails.
quietly() {
  local log status=0
  log="$(mktemp)"
  "$@" >"$log" 2>&1 || status=$?
  ((status == 0)) || cat "$log" >&2
  rm -f "$log"
  return "$status"
}

with_tests=0
case "${1-}" in
  "") ;;
  --test) with_tests=1 ;;
  *) echo "usage: Scripts/install-deps.sh [--test]" >&2; exit 2 ;;
esac

# libpq-dev, libmariadb-dev, libcurl4-openssl-dev: their headers only (CLibPQ, CMariaDB, CCurl);
# loa opens the libraries with dlopen when a run needs them (SharedLibrary), it does not link them.
packages=(libxml2-dev libsqlite3-dev libpq-dev libmariadb-dev zlib1g-dev libcurl4-openssl-dev sqlite3
  pkg-config)
# chromium: WeatherBrowserTests render the weather box headless (fonts-dejavu-core: the font
# its measurements were taken with, so the layout does not depend on what else is installed).
if ((with_tests)); then
  # nginx, curl: NginxExampleTests serves Examples/deploy/nginx-feeds.conf; dpkg-dev (dpkg-shlibdeps),
  # binutils (strip), systemd (systemd-analyze): Scripts/package-deb.sh and PackageTests.
  # sfeed and libxml-feed-perl (XML::Feed): feed readers independent of loa and feedparser
  # (Tests/LoaKitTests/Commands/IndependentReaderTests.swift). python3-yaml (PyYAML):
  # ShardDeploymentExampleTests read Examples/deploy/k8s-cronjob.yaml with it.
  packages+=(libxml2-utils python3 python3-venv python3-pip python3-yaml postgresql mariadb-server
    sfeed libxml-feed-perl chromium fonts-dejavu-core nginx curl dpkg-dev binutils systemd)
fi

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]})); then
  if ((EUID == 0)); then
    as_root() { "$@"; }
  elif command -v sudo >/dev/null; then
    as_root() { sudo "$@"; }
  else
    echo "install-deps: need root or sudo to install ${missing[*]}" >&2
    exit 1
  fi
  say "apt-get update"
  quietly as_root apt-get update
  say "apt-get install ${missing[*]}"
  quietly as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
else
  say "system packages present"
fi

((with_tests)) || exit 0

# The checkers' venv, rebuilt when requirements.txt differs from the copy
# installed with it. Uses Debian's python3 (not one earlier on PATH, such as
# a pyenv shim) when it is there, since python3-venv belongs to that one.
requirements="$root/Tests/Checkers/requirements.txt"
venv="$root/.build/checkers-venv"
installed="$venv/requirements.installed.txt"
if [[ -x "$venv/bin/python" && -f "$installed" ]] && cmp -s "$requirements" "$installed"; then
  say "checkers venv up to date"
  exit 0
fi

python=/usr/bin/python3
[[ -x "$python" ]] || python="$(command -v python3)"
say "creating $venv"
rm -rf "$venv"
mkdir -p "$root/.build"
"$python" -m venv "$venv"
say "pip install -r Tests/Checkers/requirements.txt"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
cp "$requirements" "$installed"
