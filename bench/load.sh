#!/usr/bin/env bash
# Load benchmark (issue 16 §6), loopback only and bounded: the demo district plus N generated sites (default 100,000)
# on PostGIS, C clients (default 200) for S seconds (default 60) mixing items, tiles, detail, history and transitions
# on five hot sites; then items at 32 connections against the same page query through JDBC.
# Usage: bench/load.sh [sites] [clients] [seconds]   (SKIP_BUILD=1 reuses the jar; SKIP_LOAD=1 the database)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}; clients=${2:-200}; seconds=${3:-60}
db=${BENCH_DB:-load_bench}
pg="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test > /dev/null
jar=$(mktemp --suffix=.jar)   # a copy: a build during the run must not rewrite the running jar
cp "$(ls target/waste-site-gis-*.jar | grep -v original | head -1)" "$jar"
port=${PORT:-18091}
dir=$(mktemp -d)
pid=
trap 'kill $pid 2>/dev/null || true; cp "$dir/log.txt" target/load-bench-service.log 2>/dev/null; rm -rf "$dir" "$jar"' EXIT
start() {
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use" >&2; exit 1; fi
  java -Xmx1g -jar "$jar" --server.port=$port --gis.data-dir="$dir" --gis.demo.enabled=true \
    --spring.datasource.url="$url" > "$dir/log.txt" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; do sleep 0.5; done
}
if [ "${SKIP_LOAD:-0}" != 1 ]; then
  $pg -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  $pg -d "$db" -c "CREATE EXTENSION postgis"
  start                                  # migrations and the demo district
  kill $pid; wait $pid 2>/dev/null || true
  java -cp "$jar" -Dloader.main=org.wufei.gis.demo.BulkSites \
    org.springframework.boot.loader.launch.PropertiesLauncher "$url&reWriteBatchedInserts=true" "$n"
  $pg -d "$db" -c "ANALYZE"
fi
start
echo "sites: $($pg -d "$db" -At -c "SELECT COUNT(*) FROM site")"
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.wufei.gis.bench.LoadBenchmark \
  "http://127.0.0.1:$port" "$url" "$clients" "$seconds"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
