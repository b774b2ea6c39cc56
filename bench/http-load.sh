#!/usr/bin/env bash
# HTTP load on the running shell with wrk (Debian package), on loopback only.
#   bench/http-load.sh [duration-seconds=20] [connections=32]
# Starts a Release build of Ciudad on the embedded SQLite default with a throwaway data folder,
# measures a few GETs a resident makes, and stops it. Results go to standard output; copy them to
# bench/README.md with the date and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

data=$(mktemp -d /tmp/ciudad-bench.XXXXXX)
port=5099
dotnet build src/Ciudad.Web -c Release -nologo -clp:ErrorsOnly
(cd src/Ciudad.Web && ASPNETCORE_ENVIRONMENT=Production Ciudad__DataFolder="$data" Ciudad__Security__RequireHttps=false \
  Logging__LogLevel__Default=Warning dotnet bin/Release/net10.0/Ciudad.Web.dll --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

for path in /health/live /health/ready / /Accessibility; do
  echo "== GET $path  (${connections} connections, ${duration}s, 2 threads)"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors" || true
done
