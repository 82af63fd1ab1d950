#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the TrialStore contract tests and prints the line
#   export CONNECTOME_TEST_PG_URL=jdbc:postgresql://127.0.0.1:PORT/connectome_test?user=USER
# on stdout (everything else goes to stderr), so callers do:  eval "$(.ci/postgres.sh)"
#
# Idempotent: installs Debian's postgresql only when no server binaries are found, and reuses a
# server it started earlier on the same port. No systemd: initdb + pg_ctl in a temp dir, listening
# on 127.0.0.1 only, trust authentication (a test cluster; never expose it).
#   PG_PORT  port to use (default 54329)       PG_STOP=1  stop the server started for PG_PORT
#   PG_FSYNC=on  durable commits (default off: the cluster is disposable; benchmarks may want on)
set -euo pipefail

port="${PG_PORT:-54329}"
db=connectome_test
base="${TMPDIR:-/tmp}/connectome-pg-$port"
log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

bindir="$(find_bindir || true)"
if [[ -z "$bindir" ]]; then
  log "installing postgresql (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bindir="$(find_bindir)" || { log "postgresql installed but pg_ctl not found"; exit 1; }
fi

# initdb refuses to run as root, so root runs the cluster as the 'postgres' system user.
if [[ $(id -u) -eq 0 ]]; then
  pguser=postgres
  id "$pguser" >/dev/null 2>&1 || useradd --system --home-dir "$base" --shell /bin/sh "$pguser"
  run() { su "$pguser" -s /bin/sh -c "$(printf '%q ' "$@")"; }
else
  pguser="$(id -un)"
  run() { "$@"; }
fi

data="$base/data"
if [[ "${PG_STOP:-0}" == 1 ]]; then
  [[ -d "$data" ]] && run "$bindir/pg_ctl" -D "$data" -m fast -w stop >&2 || true
  exit 0
fi

if [[ -f "$data/postmaster.pid" ]] && run "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  log "reusing server in $data on port $port"
else
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is taken by another program; set PG_PORT to a free port"; exit 1
  fi
  rm -rf "$base"
  mkdir -p "$base"
  [[ $(id -u) -eq 0 ]] && chown "$pguser" "$base"
  run "$bindir/initdb" -D "$data" -U "$pguser" --auth=trust --encoding=UTF8 --no-locale >/dev/null
  # Small, fast, loopback-only; fsync off by default because the cluster is disposable test scratch.
  fsync="${PG_FSYNC:-off}"
  run "$bindir/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $base -c fsync=$fsync -c full_page_writes=$fsync -c max_connections=100" start >&2
fi

if ! run "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$pguser" -d postgres -tAc \
     "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
  run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$pguser" "$db"
fi
log "server ready (log: $base/server.log)"
echo "export CONNECTOME_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/$db?user=$pguser'"
