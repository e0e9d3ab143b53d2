#!/usr/bin/env bash
# A throwaway IMAP server for the tests: Debian's dovecot (apt-get install -y dovecot-imapd) on
# loopback, plaintext, one user, its maildir and every file of its own under the given directory.
#
#   test/support/start-dovecot.sh DIR [PORT]     prints the port once dovecot answers on it
#   kill "$(cat DIR/run/master.pid)"              stops it
#
# The account is mesa / secret (override with MESA_TEST_IMAP_USER / MESA_TEST_IMAP_PASSWORD), so
# the tests read MESA_TEST_IMAP_URL=imap://mesa:secret@127.0.0.1:PORT.
set -euo pipefail

dir="${1:?usage: start-dovecot.sh DIR [PORT]}"
port="${2:-10143}"
user_name="${MESA_TEST_IMAP_USER:-mesa}"
password="${MESA_TEST_IMAP_PASSWORD:-secret}"
dovecot_bin="$(command -v dovecot || echo /usr/sbin/dovecot)"
[ -x "$dovecot_bin" ] || { echo "dovecot is not installed: apt-get install -y dovecot-imapd" >&2; exit 1; }

mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
# An instance left from an earlier run in this directory is stopped first.
if [ -f "$dir/run/master.pid" ] && kill -0 "$(cat "$dir/run/master.pid")" 2>/dev/null; then
  kill "$(cat "$dir/run/master.pid")" || true
  for _ in $(seq 1 50); do answers || break; sleep 0.1; done
fi
rm -rf "$dir/run" "$dir/state" "$dir/mail"
mkdir -p "$dir/run" "$dir/state" "$dir/mail"

# Dovecot runs its processes as the invoking user (a rootless instance). As root it will not run
# login or mail processes as root, so there they run as the unprivileged users the Debian package
# creates (dovenull for logins, dovecot for the rest and the mail files).
if [ "$(id -u)" = 0 ]; then
  internal_user=dovecot
  login_user=dovenull
  chown -R dovecot:dovecot "$dir/mail"
  # The mail processes reach their maildir through this directory (a mktemp dir is mode 700).
  chmod 755 "$dir"
else
  internal_user="$(id -un)"
  login_user="$internal_user"
fi
mail_uid="$(id -u "$internal_user")"
mail_gid="$(id -g "$internal_user")"
internal_group="$(id -gn "$internal_user")"

printf '%s:{PLAIN}%s\n' "$user_name" "$password" >"$dir/users"
chmod 644 "$dir/users"

cat >"$dir/dovecot.conf" <<EOF
# Written by test/support/start-dovecot.sh: a test instance, not for real mail.
base_dir = $dir/run
state_dir = $dir/state
instance_name = mesa-test-$port
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A wrong password is answered at once (the tests try one), not after the usual 2 s.
auth_failure_delay = 0
default_internal_user = $internal_user
default_internal_group = $internal_group
default_login_user = $login_user
first_valid_uid = $mail_uid
last_valid_uid = $mail_uid
mail_location = maildir:$dir/mail/%u
namespace inbox {
  inbox = yes
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$dir/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
EOF

"$dovecot_bin" -c "$dir/dovecot.conf"

# Ready when the greeting comes.
for _ in $(seq 1 50); do
  greeting="$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && read -r -t 2 line <&3 && echo "$line") 2>/dev/null || true)"
  if [[ "$greeting" == "* OK"* ]]; then
    echo "$port"
    exit 0
  fi
  sleep 0.1
done
echo "dovecot did not answer on 127.0.0.1:$port; see $dir/dovecot.log:" >&2
tail -n 20 "$dir/dovecot.log" >&2 || true
exit 1
