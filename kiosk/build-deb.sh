#!/usr/bin/env bash
# Builds badgekiosk_<version>_<arch>.deb for the kiosk laptop (install it with kiosk/install, or
# `sudo apt install ./badgekiosk_*.deb`). The program carries the Swift runtime and Foundation inside it
# (--static-swift-stdlib), so the laptop needs only Debian's own libraries.
#
# Usage: kiosk/build-deb.sh [OUTPUT_FOLDER]     (default: the folder you are in)
# BADGEKIOSK_VERSION sets the version (default: the program's own, in Sources/badgekiosk/CLI/Version.swift), BADGEKIOSK_DEB_REVISION the package's own revision
# (default 1): the package is badgekiosk_0.1.0-1_<arch>.deb.
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
  exit 0
fi

# A relative output folder is taken from where you ran this, not from the source tree.
out="${1:-.}"
[[ $out == /* ]] || out="$PWD/$out"
cd "$(dirname "$0")/.."

# The version is written once, in the program (badgekiosk --version says it).
program_version="$(sed -n 's/^ *static let number = "\(.*\)"$/\1/p' Sources/badgekiosk/CLI/Version.swift)"
version="${BADGEKIOSK_VERSION:-$program_version}-${BADGEKIOSK_DEB_REVISION:-1}"

# Say what is missing in one line, before a long build starts.
if ! command -v swift >/dev/null; then
  echo "build-deb.sh: needs Swift 6 on the PATH (see swift.org/install)" >&2
  exit 2
fi
missing=()
for package in pkg-config dpkg-dev binutils libsqlite3-dev libqrencode-dev libcurl4-openssl-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "build-deb.sh: needs ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
  exit 2
fi
mkdir -p "$out"
arch="$(dpkg --print-architecture)"

# The release build. Add flags by appending to the array, e.g. swift_build+=(-Xcc -DNAME=VALUE).
swift_build=(swift build -c release --static-swift-stdlib --scratch-path .build-static --product badgekiosk)
# Linked by lld with packed relative relocations (DT_RELR, glibc 2.36 and later): the 1.9 MB table of
# relocations the loader read and applied at every start becomes 35 KB, and the service's peak RSS under
# load is about 2 MB lower (docs/ARCHITECTURE.md §4.11). lld comes with the Swift toolchain.
swift_build+=(-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs)
# The commit `badgekiosk --version` names.
swift_build+=(-Xcc "-DBADGEKIOSK_COMMIT=\"$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\"")
"${swift_build[@]}"
binary=".build-static/release/badgekiosk"

root="$(mktemp -d)"
chmod 0755 "$root"
trap 'rm -rf "$root"' EXIT
doc="$root/usr/share/doc/badgekiosk"

install -D -m 0755 "$binary" "$root/usr/bin/badgekiosk"
strip --strip-unneeded "$root/usr/bin/badgekiosk"
for unit in systemd/*.service; do
  install -D -m 0644 "$unit" "$root/lib/systemd/system/$(basename "$unit")"
done
# The settings hold the volunteer PIN: root alone reads them; the units get them as a systemd credential.
install -D -m 0640 kiosk/badgekiosk.conf.example "$root/etc/badgekiosk/badgekiosk.conf"
install -D -m 0644 kiosk/badgekiosk.conf.example "$doc/examples/badgekiosk.conf.example"
install -D -m 0644 README.md "$doc/README.md"
install -D -m 0644 kiosk/deb/copyright "$doc/copyright"
install -D -m 0755 kiosk/kiosk-console "$root/usr/libexec/badgekiosk/kiosk-console"
install -D -m 0755 kiosk/install "$root/usr/share/badgekiosk/install"
install -D -m 0644 kiosk/deb/lintian-overrides "$root/usr/share/lintian/overrides/badgekiosk"

# changelog.Debian: one entry for this build, dated by its commit so the same commit builds the same file.
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
when="$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")"
gzip -9n > "$doc/changelog.Debian.gz" <<CHANGELOG
badgekiosk ($version) bookworm; urgency=medium

  * Built from badgekiosk commit $commit.

 -- badgekiosk contributors <badgekiosk@localhost>  $when
CHANGELOG
chmod 0644 "$doc/changelog.Debian.gz"

# The libraries the program links to, with the versions it needs, as Debian's own tools work them out.
mkdir -p "$root/debian"
printf 'Source: badgekiosk\n\nPackage: badgekiosk\nArchitecture: any\n' > "$root/debian/control"
shlibs="$(cd "$root" && dpkg-shlibdeps -O -e usr/bin/badgekiosk 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
rm -rf "$root/debian"
[[ -n $shlibs ]] || { echo "build-deb.sh: dpkg-shlibdeps found no libraries in usr/bin/badgekiosk" >&2; exit 1; }
# Packed relocations need the loader of glibc 2.36 (GLIBC_ABI_DT_RELR), which dpkg-shlibdeps does not know of.
libc="$(sed -n 's/.*libc6 (>= \([^)]*\)).*/\1/p' <<<"$shlibs")"
if [[ -z $libc ]]; then
  shlibs="libc6 (>= 2.36), $shlibs"
elif dpkg --compare-versions "$libc" lt 2.36; then
  shlibs="${shlibs/libc6 (>= $libc)/libc6 (>= 2.36)}"
fi

mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: badgekiosk
Version: $version
Architecture: $arch
Maintainer: badgekiosk contributors <badgekiosk@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $shlibs, ca-certificates, fonts-dejavu-core
Recommends: cups-client, espeak-ng
Section: misc
Priority: optional
Description: hand out digital badges the moment a session ends
 A kiosk service for community venues: learners claim their Open Badge by
 scanning a QR code or at the kiosk's terminal front; every claim is stored
 durably and forwarded to the central issuer exactly once.
CONTROL
echo "/etc/badgekiosk/badgekiosk.conf" > "$root/DEBIAN/conffiles"
install -m 0755 kiosk/deb/postinst kiosk/deb/prerm kiosk/deb/postrm "$root/DEBIAN/"

package="$out/badgekiosk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$package" >/dev/null
echo "built $package ($(du -h "$package" | cut -f1))"
