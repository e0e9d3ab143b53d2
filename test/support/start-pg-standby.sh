#!/usr/bin/env bash
# A throwaway PostgreSQL primary and a streaming-replication standby of it, for the test that
# reads reports from a real standby. Both are clusters of their own under DIR, on loopback, with
# trust authentication; the machine's own PostgreSQL is not touched.
#
#   test/support/start-pg-standby.sh DIR [PRIMARY_PORT] [STANDBY_PORT]
#       prints "postgres://postgres@127.0.0.1:PRIMARY_PORT/postgres postgres://…:STANDBY_PORT/postgres"
#       once the standby streams from the primary
#   test/support/start-pg-standby.sh --stop DIR      stops both
set -euo pipefail

pg_bin="${MESA_TEST_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL's server programs are not installed (apt-get install -y postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root the clusters belong to the postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = --stop ]; then
  dir="${2:?usage: start-pg-standby.sh --stop DIR}"
  for cluster in standby primary; do
    [ -f "$dir/$cluster/postmaster.pid" ] && as_owner "$pg_bin/pg_ctl" -D "$dir/$cluster" stop -m immediate >/dev/null || true
  done
  exit 0
fi

dir="${1:?usage: start-pg-standby.sh DIR [PRIMARY_PORT] [STANDBY_PORT]}"
primary_port="${2:-5442}"
standby_port="${3:-5443}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
[ "$(id -u)" = 0 ] && chown postgres "$dir"

settings() {
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" "$1" "$dir"
  printf "shared_buffers = 32MB\nfsync = off\nmax_wal_senders = 4\nwal_level = replica\n"
}

as_owner "$pg_bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
settings "$primary_port" | as_owner tee -a "$dir/primary/postgresql.conf" >/dev/null
printf 'host replication all 127.0.0.1/32 trust\n' | as_owner tee -a "$dir/primary/pg_hba.conf" >/dev/null
as_owner "$pg_bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null

# -R writes the connection to the primary and standby.signal: the copy starts as its standby.
as_owner "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/standby" -R -X stream
settings "$standby_port" | as_owner tee -a "$dir/standby/postgresql.conf" >/dev/null
as_owner "$pg_bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w start >/dev/null

for _ in $(seq 1 100); do
  streaming="$("$pg_bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -Atc "select count(*) from pg_stat_replication where state = 'streaming'")"
  [ "$streaming" = 1 ] && break
  sleep 0.1
done
[ "$streaming" = 1 ] || { echo "the standby did not start streaming; see $dir/standby.log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$primary_port/postgres postgres://postgres@127.0.0.1:$standby_port/postgres"
