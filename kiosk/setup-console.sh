#!/usr/bin/env bash
# Turns tty1 into the badgekiosk front: a console font with half blocks (for QR codes) that is
# as large as the screen allows at 80x25 or more, no kernel messages over the screens, no
# reboot from Ctrl-Alt-Del, no login prompts on the other consoles, then the front on tty1.
# Run as root on the kiosk laptop, after installing the .deb:  sudo /usr/share/badgekiosk/setup-console.sh
set -euo pipefail

if [[ $EUID -ne 0 ]]; then
  echo "setup-console.sh: run me as root (sudo)" >&2
  exit 1
fi

# 1. Console font: Terminus in the Uni2 set has Latin (with Polish letters), Cyrillic (Ukrainian),
#    box drawing and the half blocks ▀ ▄ █ the QR codes need. Pick the largest size that still
#    gives at least 80 columns and 25 rows on this screen.
apt-get install -y console-setup kbd >/dev/null
width=1024 height=768
if [[ -r /sys/class/graphics/fb0/virtual_size ]]; then
  IFS=, read -r width height < /sys/class/graphics/fb0/virtual_size
fi
size=8x16
for candidate in 16x32 14x28 12x24 11x22 10x20 8x16; do
  cw=${candidate%x*} ch=${candidate#*x}
  if (( width / cw >= 80 && height / ch >= 25 )); then size=$candidate; break; fi
done
cat > /etc/default/console-setup <<CONF
# Written by badgekiosk setup-console.sh: Terminus with half blocks for QR codes.
ACTIVE_CONSOLES="/dev/tty[1-6]"
CHARMAP="UTF-8"
CODESET="Uni2"
FONTFACE="TerminusBold"
FONTSIZE="$size"
CONF
setupcon --force --save-only || true
if [[ -c /dev/tty1 ]]; then setupcon --force </dev/tty1 >/dev/tty1 2>&1 || true; fi
echo "console font: Uni2 TerminusBold $size for a ${width}x${height} screen"

# 2. Kernel messages: only emergencies reach the console, so nothing scribbles over a screen.
cat > /etc/sysctl.d/50-badgekiosk-console.conf <<CONF
# badgekiosk: keep kernel messages off tty1 (they still go to the journal), no magic SysRq keys.
kernel.printk = 1 4 1 7
kernel.sysrq = 0
CONF
sysctl --quiet --load /etc/sysctl.d/50-badgekiosk-console.conf

# 3. Ctrl-Alt-Del must not reboot the kiosk in the middle of a session.
systemctl mask ctrl-alt-del.target

# 4. No login prompts on the other consoles: Alt+F2 and the like lead nowhere.
mkdir -p /etc/systemd/logind.conf.d
cat > /etc/systemd/logind.conf.d/50-badgekiosk.conf <<CONF
[Login]
NAutoVTs=0
ReserveVT=0
CONF

# 5. The service and the front on tty1 (which takes tty1 from its login prompt).
systemctl daemon-reload
systemctl enable --now badgekiosk.service
systemctl enable --now badgekiosk-front.service
echo "done: the front is on tty1. Set the volunteer PIN as 'pin = ...' under [front] in /etc/badgekiosk/badgekiosk.conf."
