#!/usr/bin/env bash
# Runs Ciudad's whole test suite on a fresh machine, the same way CI does:
#   1. installs what the tests need when it is missing (PostgreSQL, Redis, Chromium) — as root, with apt;
#   2. starts a throwaway PostgreSQL, a throwaway Redis and an S3-compatible server (s3rver, from
#      tests/s3's lock file) on free loopback ports (all removed on exit);
#   3. builds and runs every test project (unit, integration on SQLite and PostgreSQL, browser);
#   4. ends with one summary line: "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Audit").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_packages() {
  local missing=()
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi liberation || missing+=(fonts-liberation)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "Missing: ${missing[*]}. Install them (apt-get install -y ${missing[*]}) or run this script as root." >&2
      exit 1
    fi
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# free_port FIRST NAME: the first port from FIRST on that nothing listens on.
free_port() {
  local port
  for port in $(seq "$1" $(($1 + 100))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free port for $2" >&2; exit 1
}

# Every server this run started goes at exit, whichever step failed.
cleanup() { stop_s3; stop_redis; stop_postgres; }
trap cleanup EXIT

start_postgres() {
  local bin; bin=$(pg_bin)
  pg_dir=$(mktemp -d /tmp/ciudad-pg.XXXXXX)
  pg_port=$(free_port 55432 PostgreSQL)
  as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_pg "'$bin/initdb' -D '$pg_dir/data' -U postgres -A trust -E UTF8 --no-locale" >/dev/null
  # Durability off: this server lives for one test run.
  as_pg "'$bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400\" start" >/dev/null
  export CIUDAD_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Maximum Pool Size=30"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (throwaway, $pg_dir)"
}

stop_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  as_pg "'$(pg_bin)/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

# npm's open311 client runs against Ciudad in Ciudad.ServiceRequests.Tests (NpmOpen311ClientTests).
install_open311_npm() {
  if [ ! tests/open311-npm/node_modules/.package-lock.json -nt tests/open311-npm/package-lock.json ]; then
    (cd tests/open311-npm && npm ci --no-audit --no-fund --silent)
  fi
}

start_s3() {
  # npm is already needed by the build (Ciudad.Web's assets); reinstall only when the lock changed.
  if [ ! tests/s3/node_modules/.package-lock.json -nt tests/s3/package-lock.json ]; then
    (cd tests/s3 && npm ci --no-audit --no-fund --silent)
  fi
  s3_dir=$(mktemp -d /tmp/ciudad-s3.XXXXXX)
  s3_port=$(free_port 54569 s3rver)
  node tests/s3/node_modules/s3rver/bin/s3rver.js -d "$s3_dir" -a 127.0.0.1 -p "$s3_port" --silent >"$s3_dir.log" 2>&1 &
  s3_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null && break
    kill -0 "$s3_pid" 2>/dev/null || { cat "$s3_dir.log" >&2; echo "s3rver did not start" >&2; exit 1; }
    sleep 0.1
  done
  export CIUDAD_TEST_S3="http://127.0.0.1:$s3_port"
  echo "s3rver $(node -p "require('./tests/s3/node_modules/s3rver/package.json').version") on 127.0.0.1:$s3_port (throwaway, $s3_dir)"
}

stop_s3() {
  [ -n "${s3_pid:-}" ] || return 0
  kill "$s3_pid" 2>/dev/null && wait "$s3_pid" 2>/dev/null || true
  rm -rf "$s3_dir" "$s3_dir.log"
}

# Rate limits and sign-in counters shared by several instances are tested against a real Redis.
start_redis() {
  redis_dir=$(mktemp -d /tmp/ciudad-redis.XXXXXX)
  redis_port=$(free_port 56379 Redis)
  # Memory only (no snapshots, no append-only file): this server lives for one test run.
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$redis_dir" --save '' --appendonly no \
    --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && break
    sleep 0.1
  done
  export CIUDAD_TEST_REDIS="127.0.0.1:$redis_port"
  echo "Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) on 127.0.0.1:$redis_port (throwaway, $redis_dir)"
}

stop_redis() {
  [ -n "${redis_dir:-}" ] || return 0
  [ -f "$redis_dir/redis.pid" ] && kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
  rm -rf "$redis_dir"
}

summarize() {
  # Totals over every project's TRX file.
  local totals
  totals=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); t[kv[1]] += kv[2] } }
    END { printf "%d %d %d", t["passed"], t["failed"] + t["error"] + t["timeout"] + t["aborted"], t["total"] - t["passed"] - t["failed"] - t["error"] - t["timeout"] - t["aborted"] }')
  read -r passed failed skipped <<<"${totals:-0 0 0}"
  # A test host that crashed or hung leaves its project's remaining tests unrun: say so in the summary.
  local aborted
  # Such a run's TRX counts fewer tests executed than it knew of (e.g. total="74" executed="73").
  aborted=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters total="[0-9]*" executed="[0-9]*"' | tr -dc '0-9 \n' \
    | awk '$1 > $2 { n++ } END { print n + 0 }')
  echo
  if [ "$aborted" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped, $aborted test run(s) aborted (see 'Test Run Aborted' above)"
  else
    echo "$passed passed, $failed failed, $skipped skipped"
  fi
}

ensure_packages
log "Starting a throwaway PostgreSQL"
start_postgres
log "Starting a throwaway S3-compatible server"
start_s3
log "Starting a throwaway Redis"
start_redis
log "Installing npm's open311 client (tests/open311-npm)"
install_open311_npm

log "Checking formatting (.editorconfig)"
format_status=0
dotnet format whitespace --folder --verify-no-changes \
  --exclude src/Ciudad.Data.Sqlite/Migrations src/Ciudad.Data.Postgres/Migrations || format_status=$?
[ "$format_status" = 0 ] || echo "Formatting differs from .editorconfig: run 'dotnet format whitespace --folder' and commit." >&2

log "Building"
dotnet build Ciudad.slnx -c Release -nologo -clp:ErrorsOnly

log "Testing (SQLite and PostgreSQL; browser tests on $(command -v chromium))"
results="$root/.tmp/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
dotnet test Ciudad.slnx -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 10m "$@" || status=$?
summarize
[ "$status" != 0 ] || status=$format_status
exit "$status"
