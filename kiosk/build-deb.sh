#!/usr/bin/env bash
# Builds badgekiosk_<version>_<arch>.deb for `sudo apt install ./badgekiosk_*.deb` on the kiosk laptop.
# The binary carries the Swift runtime and Foundation inside it (--static-swift-stdlib), so the
# laptop needs only Debian's own libraries.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${BADGEKIOSK_VERSION:-0.1.0}"
arch="$(dpkg --print-architecture)"
out="${1:-.}"

# badgekiosk speaks https to the issuer through libcurl: building needs its development files.
if ! dpkg -s libcurl4-openssl-dev >/dev/null 2>&1; then
  echo "build-deb.sh: needs libcurl4-openssl-dev: sudo apt-get install -y libcurl4-openssl-dev" >&2
  exit 2
fi
swift build -c release --static-swift-stdlib --scratch-path .build-deb --product badgekiosk -Xcc -DBADGEKIOSK_COMMIT=\"$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\"

root="$(mktemp -d)"
chmod 0755 "$root"
trap 'rm -rf "$root"' EXIT
install -D -m 0755 .build-deb/release/badgekiosk "$root/usr/bin/badgekiosk"
strip --strip-unneeded "$root/usr/bin/badgekiosk"
for unit in systemd/*.service; do
  install -D -m 0644 "$unit" "$root/lib/systemd/system/$(basename "$unit")"
done
install -D -m 0644 kiosk/badgekiosk.conf.example "$root/etc/badgekiosk/badgekiosk.conf"
install -D -m 0644 README.md "$root/usr/share/doc/badgekiosk/README.md"
for script in kiosk/*.sh; do
  case "$(basename "$script")" in build-deb.sh) continue ;; esac
  install -D -m 0755 "$script" "$root/usr/share/badgekiosk/$(basename "$script")"
done

mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: badgekiosk
Version: $version
Architecture: $arch
Maintainer: badgekiosk developers <badgekiosk@localhost>
Depends: libc6, libgcc-s1, libstdc++6, libsqlite3-0, libqrencode4, libcurl4
Section: misc
Priority: optional
Description: hand out digital badges the moment a session ends
 A kiosk service for community venues: learners claim their Open Badge by
 scanning a QR code or at the kiosk's terminal front; every claim is stored
 durably and forwarded to the central issuer exactly once.
CONTROL
echo "/etc/badgekiosk/badgekiosk.conf" > "$root/DEBIAN/conffiles"
cat > "$root/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  if [ "$1" = configure ]; then
    systemctl enable badgekiosk.service >/dev/null
    systemctl restart badgekiosk.service || true
  fi
fi
SCRIPT
cat > "$root/DEBIAN/prerm" <<'SCRIPT'
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
  systemctl disable --now badgekiosk.service badgekiosk-front.service >/dev/null 2>&1 || true
fi
SCRIPT
cat > "$root/DEBIAN/postrm" <<'SCRIPT'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
SCRIPT
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"

package="$out/badgekiosk_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$root" "$package"
echo "built $package"
