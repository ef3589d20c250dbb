#!/usr/bin/env bash
# Durable claims measured by wrk, a load generator apart from the service (Debian's wrk package):
#   kiosk/wrk-claims.sh STATE_DIR [SECONDS] [CONNECTIONS]
# starts 'badgekiosk serve' on STATE_DIR (fill it first with 'badgekiosk bench prefill --state-dir STATE_DIR
# --claims N'; --claims 0 only adds the bench's badges), ends 120 sessions for fresh claim codes, posts
# claims for SECONDS (6) from CONNECTIONS (64), then prints the service's CPU time per claim and peak RSS and
# stops it.
set -euo pipefail
state=${1:?usage: kiosk/wrk-claims.sh STATE_DIR [SECONDS] [CONNECTIONS]}
seconds=${2:-6}
connections=${3:-64}
here=$(cd "$(dirname "$0")" && pwd)
badgekiosk=${BADGEKIOSK:-badgekiosk}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

# Start from the program as read from disk after a boot: pages a build or an earlier run left in the page
# cache change how many the kernel maps around each page the service touches, and so its RSS (by 2 MB or more).
dd if="$(command -v "$badgekiosk")" iflag=nocache count=0 status=none
# wrk connects from one address, which the service would otherwise hold to 32 connections.
BADGEKIOSK_CONFIG=/dev/null BADGEKIOSK_MAX_CONNECTIONS_PER_ADDRESS=$((connections + 8)) "$badgekiosk" serve --state-dir "$state" --listen 127.0.0.1:0 2>"$work/log" &
server=$!
for _ in $(seq 100); do
  port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { echo "the service did not start: $(tail -1 "$work/log")" >&2; exit 2; }
token=$(cat "$state/staff-token")
url="http://127.0.0.1:$port"
for n in $(seq 120); do
  id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"wrk $n\",\"badges\":[\"bench-day-1\",\"bench-day-2\"],\"expected\":1000}" "$url/api/v1/sessions" |
    sed -n 's/.*"session":{[^}]*"id":\([0-9]*\).*/\1/p; s/^{"session":{"id":\([0-9]*\).*/\1/p' | head -1)
  # The answer has no newline at its end, so sed's line would run into the next one.
  printf '%s\n' "$(curl -sf -X POST -H "Authorization: Bearer $token" "$url/api/v1/sessions/$id/end" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')" >> "$work/codes"
done
[ "$(wc -l < "$work/codes")" -eq 120 ] || { echo "could not make 120 claim codes" >&2; exit 2; }
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(cpu)
CODES="$work/codes" TOKEN="$token" RUN="$(date +%s%N)" \
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/wrk-claims.lua" "$url" > "$work/wrk"
after=$(cpu)
grep -E "Requests/sec|Non-2xx|p50|Socket errors" "$work/wrk"
answers=$(sed -n 's/^answers: //p' "$work/wrk")
echo "service CPU per claim: $(awk -v t=$((after - before)) -v n="$answers" -v hz="$(getconf CLK_TCK)" \
  'BEGIN {printf "%.0f µs", (n > 0 ? t / hz / n * 1e6 : 0)}')"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$server/status")"
for path in /api/v1/outbox /metrics; do
  curl -s -o /dev/null -w "GET $path: %{time_total} s\n" -H "Authorization: Bearer $token" "$url$path"
done
