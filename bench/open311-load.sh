#!/usr/bin/env bash
# Open311 and staff-queue load on PostgreSQL holding a million requests, with wrk on loopback.
#   bench/open311-load.sh [requests=1000000] [seconds=30] [connections=32]
# 1. installs wrk and PostgreSQL when missing (as root, with apt);
# 2. starts a throwaway PostgreSQL (durable settings: fsync and synchronous_commit on, so that
#    "acknowledged" means committed to disk), removed on exit;
# 3. builds Release, migrates, seeds the demo plus N synthetic requests (`ciudad requests synthesize --count N`);
# 4. issues an API key (`ciudad apikey create --name bench --limit 100000`, the highest limit);
# 5. starts Ciudad (Production) with the bench-only module bench/Ciudad.Bench.Baseline loaded
#    (Ciudad__Modules__Load__0), which maps the plain-Npgsql baseline endpoints;
# 6. measures each GET against Ciudad and, where there is one, its baseline; the staff queue with a
#    real signed-in staff session (bench/staff-cookie.py enrols TOTP like a person); then sustained
#    POSTs, and checks that every acknowledged service_request_id is in the database.
# Results go to standard output as a Markdown table; copy it into bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
requests=${1:-1000000}
duration=${2:-30}
connections=${3:-32}
port=${BENCH_PORT:-5098}

log() { printf '\n== %s\n' "$*" >&2; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "Missing: ${missing[*]} (apt-get install -y ${missing[*]})" >&2; exit 1; }
  log "Installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/ciudad-open311-bench.XXXXXX)
pg_port=$(for p in $(seq 55700 55799); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; break; }; done)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  as_pg "'$(pg_bin)/pg_ctl' -D '$work/pg' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$work"

log "PostgreSQL on 127.0.0.1:$pg_port (throwaway, $work)"
as_pg "'$(pg_bin)/initdb' -D '$work/pg' -U postgres -A trust -E UTF8 --no-locale" >/dev/null
as_pg "'$(pg_bin)/pg_ctl' -D '$work/pg' -l '$work/pg.log' -w -o \"-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB -c effective_cache_size=4GB -c work_mem=16MB -c maintenance_work_mem=256MB -c max_wal_size=4GB\" start" >/dev/null
psql() { command psql -h 127.0.0.1 -p "$pg_port" -U postgres -d ciudad -v ON_ERROR_STOP=1 -qAt "$@"; }
command psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE ciudad"

export ASPNETCORE_ENVIRONMENT=Production
export Ciudad__Database__Provider=Postgres
export ConnectionStrings__Ciudad="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ciudad;Maximum Pool Size=100"
export Ciudad__DataFolder="$work/app"
export Ciudad__Security__RequireHttps=false
export Ciudad__Security__PublicPostsPerMinute=100000
export Logging__LogLevel__Default=Warning
ciudad() { dotnet "$root/src/Ciudad.Web/bin/Release/net10.0/Ciudad.Web.dll" "$@"; }

log "Building Release"
dotnet build "$root/src/Ciudad.Web" -c Release -nologo -clp:ErrorsOnly >&2
dotnet build "$root/bench/Ciudad.Bench.Baseline" -c Release -nologo -clp:ErrorsOnly >&2
cp "$root/bench/Ciudad.Bench.Baseline/bin/Release/net10.0/Ciudad.Bench.Baseline.dll" "$root/src/Ciudad.Web/bin/Release/net10.0/"

log "Migrating and seeding $requests requests"
(cd "$root/src/Ciudad.Web" && ciudad migrate >/dev/null 2>&1 && ciudad requests synthesize --count "$requests" --seed 1) >&2
api_key=$(cd "$root/src/Ciudad.Web" && ciudad apikey create --name bench --limit 100000 2>/dev/null | grep -Eo '[A-Za-z0-9_-]{24,}' | tail -n 1 || true)
[ -n "$api_key" ] || echo "No API key (is 'ciudad apikey create' available?); POSTs will be refused." >&2
echo "PostgreSQL $(psql -c 'SHOW server_version'), $(psql -c 'SELECT count(*) FROM sr_requests') requests, $(psql -c "SELECT pg_size_pretty(pg_database_size('ciudad'))")" >&2

log "Starting Ciudad (Release, Production) on 127.0.0.1:$port"
(cd "$root/src/Ciudad.Web" && Ciudad__Modules__Load__0="Ciudad.Bench.Baseline.BenchBaselineModule, Ciudad.Bench.Baseline" exec dotnet bin/Release/net10.0/Ciudad.Web.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
base="http://127.0.0.1:$port"
cookie=$(python3 "$root/bench/staff-cookie.py" "$base" "$work/totp.key")

# What each measurement asks for. The list: potholes still open, filed in the last 30 days.
start=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
end=$(date -u +%Y-%m-%dT%H:%M:%SZ)
list="requests.json?service_code=pothole&status=open&start_date=$start&end_date=$end&page_size=50"
echo "/open311/v2/$list" >"$work/list.txt"
echo "/bench/baseline/$list" >"$work/list-baseline.txt"
psql -c "SELECT r.number FROM sr_requests r JOIN sr_services s ON s.id = r.service_id WHERE s.sensitivity = 0 ORDER BY random() LIMIT 5000" >"$work/numbers.txt"
sed 's|.*|/open311/v2/requests/&.json|' "$work/numbers.txt" >"$work/item.txt"
sed 's|.*|/bench/baseline/requests/&.json|' "$work/numbers.txt" >"$work/item-baseline.txt"
echo "/Staff/Requests" >"$work/queue.txt"

rows=()
measure() { # name, paths file, [cookie]
  local name=$1 paths=$2 header=${3:-}
  local status; status=$(curl -s -o "$work/sample.out" -w '%{http_code}' ${header:+-H "Cookie: $header"} "$base$(head -n 1 "$work/$paths.txt")")
  echo "check $paths: HTTP $status, $(wc -c <"$work/sample.out") bytes" >&2
  if [ "$status" != 200 ]; then rows+=("| $name | not measured: HTTP $status | | | |"); return; fi
  wrk -t2 -c"$connections" -d5s -s "$root/bench/wrk/paths.lua" "$base" -- "$work/$paths.txt" "$header" >/dev/null # warm-up
  local out; out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/wrk/paths.lua" "$base" -- "$work/$paths.txt" "$header")
  echo "$out" >&2
  rows+=("$(echo "$out" | awk -v name="$name" '
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
    END { printf "| %s | %s | %s | %s | %s |", name, rps, p50, p99, bad == "" ? 0 : bad }')")
}

log "GET measurements (${connections} connections, ${duration}s each, after a 5 s warm-up)"
measure "Open311 list (pothole, open, 30 days, page_size=50)" list
measure "baseline: same SQL, plain Npgsql" list-baseline
measure "Open311 request by id" item
measure "baseline: same SQL, plain Npgsql" item-baseline
measure "staff queue /Staff/Requests (signed-in administrator)" queue "$cookie"

log "Sustained POST requests.json (${connections} connections, ${duration}s)"
before=$(psql -c "SELECT count(*) FROM sr_requests")
post=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/wrk/post.lua" "$base" -- "$api_key" "$work/acks")
echo "$post" >&2
rows+=("$(echo "$post" | awk '
  /Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
  END { printf "| POST requests.json (API key) | %s | %s | %s | %s |", rps, p50, p99, bad == "" ? 0 : bad }')")
cat "$work"/acks-*.txt 2>/dev/null | tr -d '-' | sort -u >"$work/acked.txt" || true
acked=$(wc -l <"$work/acked.txt")
psql -c "CREATE TABLE bench_acked (number text PRIMARY KEY)"
psql -c "\\copy bench_acked FROM '$work/acked.txt'"
present=$(psql -c "SELECT count(*) FROM bench_acked a JOIN sr_requests r ON r.number = a.number")
after=$(psql -c "SELECT count(*) FROM sr_requests")

echo
echo "| measurement | requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "POST: $acked service_request_ids acknowledged, $present of them in sr_requests; table grew by $((after - before)) rows."
