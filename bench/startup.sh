#!/usr/bin/env bash
# Cold start (empty embedded database: migrations, H2GIS functions, reference layers, demo data) against
# warm start (same database again) of the packaged service, and heap used after start (after a full GC).
# Usage: bench/startup.sh   (builds the jar first unless SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/waste-site-gis-*.jar | grep -v original | head -1)
port=${PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])")}
dir=$(mktemp -d)
pid=
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT

# Starts the service, waits until it is UP (demo data loaded), sets $pid and $took.
start() {
  local t0 t1
  t0=$(date +%s.%N)
  java -jar "$jar" --server.port=$port --gis.data-dir="$dir" > "$dir/log.txt" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.1; done
  t1=$(date +%s.%N)
  took=$(echo "$t1 - $t0" | bc)
}

start
cold=$took
jcmd $pid GC.run > /dev/null
heap=$(curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
sites=$(grep -o 'Loaded demo sites.*' "$dir/log.txt" | head -1 || true)
kill $pid; wait $pid 2>/dev/null || true
start
warm=$took
kill $pid; wait $pid 2>/dev/null || true
printf 'cold start %.2f s (%s)\nwarm start %.2f s\nratio cold/warm %.2f\nheap used after start and GC: %s MiB\n' \
  "$cold" "$sites" "$warm" "$(echo "$cold / $warm" | bc -l)" "$heap"
