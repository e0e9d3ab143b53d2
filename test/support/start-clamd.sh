#!/usr/bin/env bash
# A throwaway virus scanner for the tests: Debian's clamd (apt-get install -y clamav-daemon) on a
# Unix socket, with its own config and a signature database of one line — the EICAR test file —
# since Debian ships no signatures and freshclam may not reach its mirror. Everything is under DIR.
#
#   test/support/start-clamd.sh DIR      prints the socket path once clamd answers PING
#   kill "$(cat DIR/clamd.pid)"           stops it
#
# The tests read MESA_TEST_CLAMD=<that path>; EICAR is answered "Mesa-Test-EICAR.UNOFFICIAL FOUND".
set -euo pipefail

dir="${1:?usage: start-clamd.sh DIR}"
clamd_bin="$(command -v clamd || echo /usr/sbin/clamd)"
[ -x "$clamd_bin" ] || { echo "clamd is not installed: apt-get install -y clamav-daemon" >&2; exit 1; }

mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
socket="$dir/clamd.sock"
# An instance left from an earlier run in this directory is stopped first.
if [ -f "$dir/clamd.pid" ] && kill -0 "$(cat "$dir/clamd.pid")" 2>/dev/null; then
  kill "$(cat "$dir/clamd.pid")" || true
  for _ in $(seq 1 50); do [ -S "$socket" ] || break; sleep 0.1; done
fi
rm -rf "$dir/db" "$socket" "$dir/clamd.pid"
mkdir -p "$dir/db"

# The EICAR test string, as hex (the file itself holds no test virus for a scanner to flag).
eicar_hex=58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a
echo "Mesa-Test-EICAR:0:*:$eicar_hex" >"$dir/db/mesa-test.ndb"

user_line=""
if [ "$(id -u)" = 0 ]; then
  # As root clamd would keep root; it runs as the Debian package's unprivileged user instead.
  user_line="User clamav"
  chown -R clamav: "$dir"
  chmod 755 "$dir"
fi

cat >"$dir/clamd.conf" <<CONF
# Written by test/support/start-clamd.sh: a test instance, not a real scanner.
LocalSocket $socket
LocalSocketMode 666
DatabaseDirectory $dir/db
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
TemporaryDirectory $dir
StreamMaxLength 30M
MaxThreads 4
SelfCheck 0
$user_line
CONF

"$clamd_bin" --config-file="$dir/clamd.conf"

ping='const s = require("net").connect(process.argv[1]); let a = "";
s.on("connect", () => s.write("zPING\0"));
s.on("data", (d) => { a += d; if (a.includes("\0")) { console.log(a.replace(/\0/g, "")); s.destroy(); } });'
# Ready when it answers PING (clamd forks and loads its database first).
for _ in $(seq 1 100); do
  if [ -S "$socket" ] && [ "$(timeout 2 node -e "$ping" "$socket" 2>/dev/null || true)" = PONG ]; then
    echo "$socket"
    exit 0
  fi
  sleep 0.1
done
echo "clamd did not answer on $socket; see $dir/clamd.log:" >&2
tail -n 20 "$dir/clamd.log" >&2 || true
exit 1
