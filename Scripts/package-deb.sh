#!/usr/bin/env bash
# Builds loa_<version>_<arch>.deb: the release binary (static Swift standard library, as
# Scripts/run-example.sh builds it, so the host needs no Swift toolchain), stripped; the
# systemd service and timer; an example configuration in /etc/loa (a conffile); docs in
# /usr/share/doc/loa; the man page and shell completions when the source tree has them; a
# `loa` system user and /var/lib/loa created by postinst. Depends: from dpkg-shlibdeps, plus
# libsqlite3-0 (opened with dlopen, but SQLite is the default database) and libxml2 (loaded
# on first use, and every run that writes a feed uses it).
# Recommends: libpq5, libmariadb3 and libcurl4, which loa opens with dlopen only when a run
# needs them (PostgreSQL, MariaDB, HTTP for the weather box and WebSub), so they are not in
# the binary's DT_NEEDED; apt installs them by default, and a run that needs a missing one
# exits 69 naming the package to install. tzdata: site.timeZone names are read from
# /usr/share/zoneinfo (ZoneInfo), not from ICU, which the binary no longer carries.
#
# Usage: Scripts/package-deb.sh [OUTPUT_DIRECTORY]   (default: dist/; prints the .deb's path)
# LOA_PACKAGE_SKIP_BUILD=1 packages the existing binary without building: .build/release/loa,
# or LOA_PACKAGE_BINARY.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "package-deb: $*" >&2; }
out="$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)"

version="$(sed -n 's/^ *public static let current = "\(.*\)"$/\1/p' Sources/LoaCore/Model/Feed.swift)"
[[ -n "$version" ]] || { say "cannot find LoaVersion.current"; exit 1; }
arch="$(dpkg --print-architecture)"

if [[ "${LOA_PACKAGE_SKIP_BUILD:-0}" != 1 ]]; then
  Scripts/install-deps.sh
  say "swift build -c release --static-swift-stdlib --product loa"
  swift build -c release --static-swift-stdlib --product loa >&2
fi
binary="${LOA_PACKAGE_BINARY:-.build/release/loa}"
[[ -x "$binary" ]] || { say "no $binary"; exit 1; }

work="$(mktemp -d /tmp/loa-deb.XXXXXX)"
trap 'rm -rf "$work"' EXIT
pkg="$work/loa_${version}_${arch}"
doc="$pkg/usr/share/doc/loa"
install -d "$pkg/DEBIAN" "$pkg/usr/bin" "$doc/examples" "$pkg/etc/loa" "$pkg/lib/systemd/system"

install -m 0755 "$binary" "$pkg/usr/bin/loa"
strip --strip-unneeded "$pkg/usr/bin/loa"

# The units of Examples/deploy, for the packaged binary and documentation paths (the
# loa-shard@ templates: a province platform's shards, docs/multisite.md).
for unit in loa.service loa.timer loa-shard@.service loa-shard@.timer; do
  sed -e 's|/usr/local/bin/loa|/usr/bin/loa|g' \
    -e 's|/usr/local/share/doc/loa|/usr/share/doc/loa|g' \
    -e 's|^# /etc/systemd/system/|# /lib/systemd/system/|' \
    "Examples/deploy/$unit" >"$pkg/lib/systemd/system/$unit"
  chmod 0644 "$pkg/lib/systemd/system/$unit"
done

# The example configuration: edited by the operator, kept by dpkg across upgrades.
install -m 0644 Examples/deploy/portal.json "$pkg/etc/loa/portal.json"

# Man page and completions, generated from the command table (issue 17) where the tree has them.
for man in docs/loa.1; do
  if [[ -f "$man" ]]; then
    install -d "$pkg/usr/share/man/man1"
    gzip -9n <"$man" >"$pkg/usr/share/man/man1/loa.1.gz"
    break
  fi
done
for bash in Examples/completions/loa.bash; do
  if [[ -f "$bash" ]]; then
    install -D -m 0644 "$bash" "$pkg/usr/share/bash-completion/completions/loa"
    break
  fi
done
for zsh in Examples/completions/_loa; do
  if [[ -f "$zsh" ]]; then
    install -D -m 0644 "$zsh" "$pkg/usr/share/zsh/vendor-completions/_loa"
    break
  fi
done

install -m 0644 README.md docs/*.md "$doc/"
gzip -9n <CHANGELOG.md >"$doc/changelog.gz"
install -m 0644 Examples/deploy/nginx-feeds.conf Examples/deploy/crontab \
  Examples/deploy/environment.example Examples/bai-chay.json Examples/deploy/nginx-platform.conf \
  Examples/deploy/k8s-cronjob.yaml Examples/platform/platform.json "$doc/examples/"
cat >"$doc/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: loa
Comment: loa is built from its source tree with the Swift standard library linked in
 statically (--static-swift-stdlib); see /usr/share/doc/loa/README.md.

Files: *
Copyright: the loa authors
License: see the source repository
EOF

# Depends: the shared libraries the binary links, as dpkg-shlibdeps maps them to packages.
mkdir -p "$work/debian"
printf 'Source: loa\n\nPackage: loa\nArchitecture: any\n' >"$work/debian/control"
shlibs="$(cd "$work" && dpkg-shlibdeps -O "$pkg/usr/bin/loa" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[[ -n "$shlibs" ]] || { say "dpkg-shlibdeps found no dependencies"; exit 1; }
# libsqlite3 is opened with dlopen too (LibSQLite3), but SQLite is the default database: a
# dependency, by the package that holds the soname here, at the version that added
# sqlite3_prepare_v3 (the newest function loa calls).
sqlite="$(dpkg -S '*/libsqlite3.so.0' 2>/dev/null | sed -n '1s/:.*//p')"
shlibs="$shlibs, ${sqlite:-libsqlite3-0} (>= 3.20.0)"
# libxml2 is loaded on first use (Sources/CLibXML2/lazy.S), so it is not DT_NEEDED either, but
# every run that writes a feed needs it: a dependency, at the version that has every function
# loa calls (2.9.0, from the package's symbols file).
xml2="$(dpkg -S '*/libxml2.so.2' 2>/dev/null | sed -n '1s/:.*//p')"
shlibs="$shlibs, ${xml2:-libxml2} (>= 2.9.0)"
size="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
# The dlopen'ed libraries (LibPQ, LibMariaDB, LibCurl in the sources), by the package that
# holds each soname on this system.
recommends="$(for soname in libpq.so.5 libmariadb.so.3 libcurl.so.4; do
  dpkg -S "*/$soname" 2>/dev/null | sed -n '1s/:.*//p'
done | paste -sd, - | sed 's/,/, /g')"
[[ -n "$recommends" ]] || recommends="libpq5, libmariadb3, libcurl4"

cat >"$pkg/DEBIAN/control" <<EOF
Package: loa
Version: $version
Architecture: $arch
Maintainer: loa maintainers <webmaster@example.org>
Installed-Size: $size
Depends: $shlibs, adduser, tzdata
Recommends: $recommends
Section: web
Priority: optional
Description: feed publisher for news portals (RSS 2.0, Atom 1.0, JSON Feed 1.1)
 loa reads the newest articles from a portal's SQLite or PostgreSQL database and
 writes RSS, Atom and JSON feeds for the site and each category, an OPML index, a
 feed page, sitemaps and a weather box. Run it from the systemd timer (loa.timer)
 or cron; configure /etc/loa/portal.json first.
EOF
echo /etc/loa/portal.json >"$pkg/DEBIAN/conffiles"

cat >"$pkg/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  if ! getent passwd loa >/dev/null; then
    adduser --system --group --home /var/lib/loa --no-create-home --quiet loa
  fi
  # loa.service runs as loa:www-data and writes the feeds the web server reads.
  if getent group www-data >/dev/null; then adduser --quiet loa www-data || true; fi
  install -d -o loa -g loa -m 0750 /var/lib/loa
  if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
fi
exit 0
EOF
cat >"$pkg/DEBIAN/postrm" <<'EOF'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
if [ "$1" = purge ]; then
  rm -rf /var/lib/loa
  if getent passwd loa >/dev/null && command -v deluser >/dev/null; then
    deluser --quiet --system loa || true
  fi
fi
exit 0
EOF
cat >"$pkg/DEBIAN/prerm" <<'EOF'
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
  systemctl stop loa.timer loa.service 2>/dev/null || true
fi
exit 0
EOF
chmod 0755 "$pkg/DEBIAN/postinst" "$pkg/DEBIAN/postrm" "$pkg/DEBIAN/prerm"

deb="$out/loa_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$pkg" "$deb" >&2
say "built $deb (Depends: $shlibs, adduser, tzdata; Recommends: $recommends)"
echo "$deb"
