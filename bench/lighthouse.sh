#!/usr/bin/env bash
# Lighthouse (mobile: a mid-range phone on a slow 4G link, simulated) on the resident pages.
#   bench/lighthouse.sh [runs=3] [page...]     e.g. bench/lighthouse.sh 3 /requests/map
# Starts a Release build of Ciudad on the embedded SQLite default with the demo data and a throwaway
# data folder, runs Lighthouse from bench/lighthouse's lock file against Debian's Chromium
# (/usr/bin/chromium, never a downloaded browser) on home, report, location step, public list,
# tracking page and map (or only the pages named after the run count: the machine is shared, so
# measure only what changed), and prints the median and spread (min–max) of the performance and
# accessibility scores per page. Copy the table to bench/README.md with the date and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-3}
shift $(( $# > 0 ? 1 : 0 ))
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "$CHROME_PATH is missing: apt-get install -y chromium" >&2; exit 1; }

if [ ! bench/lighthouse/node_modules/.package-lock.json -nt bench/lighthouse/package-lock.json ]; then
  (cd bench/lighthouse && npm ci --no-audit --no-fund --silent)
fi

mkdir -p .tmp
data=$(mktemp -d /tmp/ciudad-lighthouse.XXXXXX)
port=5098
base="http://127.0.0.1:$port"
dotnet build src/Ciudad.Web -c Release -nologo -clp:ErrorsOnly >&2
(cd src/Ciudad.Web && ASPNETCORE_ENVIRONMENT=Production Ciudad__DataFolder="$data" Ciudad__Security__RequireHttps=false \
  Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/Ciudad.Web.dll --urls "$base" >"$data/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$base/health/ready" >/dev/null || { cat "$data/server.log" >&2; echo "Ciudad did not start" >&2; exit 1; }

# A demo request to track: the first one the public list links to.
tracked=$(curl -fs "$base/requests" | grep -Eo 'href="/requests/[0-9A-Z]{7}"' | head -n 1 | cut -d'"' -f2)
[ -n "$tracked" ] || { echo "No demo request found on /requests" >&2; exit 1; }

pages=("/" "/report" "/report/location?service=pothole" "/requests" "$tracked" "/requests/map")
if [ $# -gt 0 ]; then
  pages=("$@")
fi
lighthouse=bench/lighthouse/node_modules/.bin/lighthouse
echo "Lighthouse $($lighthouse --version), $("$CHROME_PATH" --version), mobile, $runs runs per page"
printf '| %-36s | %-18s | %-18s |\n' "page" "performance" "accessibility"
printf '|%s|%s|%s|\n' "--------------------------------------" "--------------------" "--------------------"
for page in "${pages[@]}"; do
  scores=()
  for run in $(seq 1 "$runs"); do
    report="$data/report-$run.json"
    $lighthouse "$base$page" --quiet --only-categories=performance,accessibility \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --output=json --output-path="$report" >/dev/null 2>"$data/lighthouse.log" \
      || { cat "$data/lighthouse.log" >&2; exit 1; }
    scores+=("$(node -e 'const r = require(process.argv[1]); console.log(Math.round(r.categories.performance.score * 100), Math.round(r.categories.accessibility.score * 100))' "$report")")
    # Keep the last report of each page for a closer look.
    [ "$run" = "$runs" ] && cp "$report" "$root/.tmp/lighthouse$(echo "$page" | tr '/?=' '___').json" 2>/dev/null || true
  done
  printf '%s\n' "${scores[@]}" | python3 -c '
import sys, statistics
page = sys.argv[1]
rows = [tuple(map(int, line.split())) for line in sys.stdin if line.strip()]
def summary(values):
    return f"{statistics.median(values):g} ({min(values)}–{max(values)})"
print(f"| {page:<36} | {summary([r[0] for r in rows]):<18} | {summary([r[1] for r in rows]):<18} |")
' "$page"
done
