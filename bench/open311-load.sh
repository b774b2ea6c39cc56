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
# Production refuses the demo password: the administrator is set up through its one-time link, as in a real city.
setup_link=$(cd "$root/src/Ciudad.Web" && ciudad create-admin --email admin@ciudad.example 2>/dev/null | grep -Eo 'https?://[^ ]+' | tail -n 1 || true)
[ -n "$api_key" ] || echo "No API key (is 'ciudad apikey create' available?); POSTs will be refused." >&2
echo "PostgreSQL $(psql -c 'SHOW server_version'), $(psql -c 'SELECT count(*) FROM sr_requests') requests, $(psql -c "SELECT pg_size_pretty(pg_database_size('ciudad'))")" >&2

log "Starting Ciudad (Release, Production) on 127.0.0.1:$port"
(cd "$root/src/Ciudad.Web" && Ciudad__Modules__Load__0="Ciudad.Bench.Baseline.BenchBaselineModule, Ciudad.Bench.Baseline" exec dotnet bin/Release/net10.0/Ciudad.Web.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
base="http://127.0.0.1:$port"
cookie=$(python3 "$root/bench/staff-cookie.py" "$base" "$work/totp.key" "$setup_link")

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

runs=${BENCH_RUNS:-3}
rows=()
stats() { # rates and latencies of the runs (one "rps p50 p99 bad" line each) -> median (min–max) columns
  python3 - "$@" <<'PY'
import sys, statistics
runs = [l.split() for l in sys.argv[2:]]
def ms(v):  # wrk prints 812.00us, 12.34ms, 1.20s
    for unit, f in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if v.endswith(unit): return float(v[:-len(unit)]) * f
    return float(v)
def col(values, fmt):
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"
rps = [float(r[0]) for r in runs]; p50 = [ms(r[1]) for r in runs]; p99 = [ms(r[2]) for r in runs]; bad = sum(int(r[3]) for r in runs)
print(f"| {sys.argv[1]} | {col(rps, lambda v: f'{v:,.0f}')} | {col(p50, lambda v: f'{v:.1f} ms')} | {col(p99, lambda v: f'{v:.1f} ms')} | {bad} |")
PY
}
wrk_line() { awk '/Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
  END { printf "%s %s %s %s", rps, p50, p99, bad == "" ? 0 : bad }'; }
ratio() { # name, app runs, baseline runs: the median of each run's app/baseline rate
  python3 - "$@" <<'PY'
import sys, statistics
name, app, base = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
r = [float(a) / float(b) * 100 for a, b in zip(app, base)]
print(f"| {name} | **{statistics.median(r):.0f}%** ({min(r):.0f}–{max(r):.0f}%) |")
PY
}
ratios=()
get_runs() { # paths file, [cookie] -> one "rps p50 p99 bad" line per run
  local paths=$1 header=${2:-} out
  # With a cookie, the client keeps it renewed as a browser does (staff.lua).
  local script=paths.lua; [ -n "$header" ] && script=staff.lua
  for _ in $(seq 1 "$runs"); do
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/wrk/$script" "$base" -- "$work/$paths.txt" "$header")
    echo "$out" >&2
    echo "$out" | wrk_line; echo
  done
}
check() { # paths file, [cookie]: the first path answers 200, and a warm-up
  local paths=$1 header=${2:-} status
  status=$(curl -s -o "$work/sample.out" -w '%{http_code}' ${header:+-H "Cookie: $header"} "$base$(head -n 1 "$work/$paths.txt")")
  echo "check $paths: HTTP $status, $(wc -c <"$work/sample.out") bytes" >&2
  [ "$status" = 200 ] || { echo "$paths answers HTTP $status: not measured" >&2; return 1; }
  wrk -t2 -c"$connections" -d5s -s "$root/bench/wrk/$([ -n "$header" ] && echo staff.lua || echo paths.lua)" "$base" -- "$work/$paths.txt" "$header" >/dev/null
}
compare() { # name, paths, baseline paths: app and baseline runs interleaved, so both see the same machine
  local name=$1 app_runs=() base_runs=() line
  check "$2" && check "$3" || return 0
  for _ in $(seq 1 "$runs"); do
    line=$(runs=1 get_runs "$2"); app_runs+=("$line")
    line=$(runs=1 get_runs "$3"); base_runs+=("$line")
  done
  rows+=("$(stats "$name" "${app_runs[@]}")" "$(stats "baseline: same SQL, plain Npgsql" "${base_runs[@]}")")
  ratios+=("$(ratio "$name" "$(printf '%s\n' "${app_runs[@]}" | cut -d' ' -f1 | xargs)" "$(printf '%s\n' "${base_runs[@]}" | cut -d' ' -f1 | xargs)")")
}

log "GET measurements (${connections} connections, ${duration}s each, after a 5 s warm-up; $runs runs, app and baseline interleaved)"
compare "Open311 list (pothole, open, 30 days, page_size=50)" list list-baseline
compare "Open311 request by id" item item-baseline
if check queue "$cookie"; then
  mapfile -t queue_runs < <(get_runs queue "$cookie" | grep .)
  rows+=("$(stats "staff queue /Staff/Requests (signed-in administrator)" "${queue_runs[@]}")")
fi

log "Sustained POST requests.json (${connections} connections, ${duration}s; $runs runs, app and baseline interleaved)"
before=$(psql -c "SELECT count(*) FROM sr_requests")
post_runs=() post_base_runs=()
post() { # ack-file prefix, path -> "rps p50 p99 bad"
  local out; out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/wrk/post.lua" "$base" -- "$api_key" "$1" "$2")
  echo "$out" >&2
  echo "$out" | wrk_line
}
for run in $(seq 1 "$runs"); do
  post_runs+=("$(post "$work/acks-app-$run" /open311/v2/requests.json)")
  post_base_runs+=("$(post "$work/acks-base-$run" /bench/baseline/requests.json)")
done
rows+=("$(stats "POST requests.json (API key, durable PostgreSQL)" "${post_runs[@]}")" "$(stats "baseline: same rows, plain Npgsql" "${post_base_runs[@]}")")
ratios+=("$(ratio "POST requests.json" "$(printf '%s\n' "${post_runs[@]}" | cut -d' ' -f1 | xargs)" "$(printf '%s\n' "${post_base_runs[@]}" | cut -d' ' -f1 | xargs)")")
# Every acknowledged id must be a stored request, and the baseline must write what the app writes.
acked() { # table, ack files...: load the acknowledged ids into a table; print how many
  local table=$1; shift
  cat "$@" 2>/dev/null | tr -d '-' | sort -u >"$work/$table.txt" || true
  psql -c "CREATE TABLE $table (number text PRIMARY KEY)"
  psql -c "\\copy $table FROM '$work/$table.txt'"
  wc -l <"$work/$table.txt"
}
stored() { # table: how many of its ids are requests, and the rows they carry
  psql -c "SELECT count(*) || ' stored, with ' || coalesce(sum((SELECT count(*) FROM sr_request_answers a WHERE a.request_id = r.id)), 0) || ' answers and '
    || coalesce(sum((SELECT count(*) FROM sr_request_events e WHERE e.request_id = r.id)), 0) || ' timeline entries' FROM $1 b JOIN sr_requests r ON r.number = b.number"
}
app_acked=$(acked bench_acked_app "$work"/acks-app-*.txt)
base_acked=$(acked bench_acked_base "$work"/acks-base-*.txt)
after=$(psql -c "SELECT count(*) FROM sr_requests")

echo
echo "| measurement | requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "| ratio to the baseline (median of the runs' ratios, min–max) | |"
echo "|---|---:|"
printf '%s\n' "${ratios[@]}"
echo
echo "POST: the app acknowledged $app_acked ids: $(stored bench_acked_app); the baseline acknowledged $base_acked: $(stored bench_acked_base). sr_requests grew by $((after - before)) rows."
