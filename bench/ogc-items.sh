#!/usr/bin/env bash
# OGC API items benchmark on PostGIS with N generated sites (default 1,000,000):
# creates database ogc_bench, loads it with org.wufei.gis.demo.BulkSites, starts the packaged service on it and
# runs bench/ogc-items.py. Usage: bench/ogc-items.sh [sites] (SKIP_LOAD=1 reuses the database, SKIP_BUILD=1 the jar)
# REF_JAR=/path/to/earlier.jar also runs an earlier build on the same database (same schema) for a ratio;
# BENCH_DB and PORT (REF_PORT) choose the database and ports.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
db=${BENCH_DB:-ogc_bench}
pg="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp package -DskipTests
jar=$(mktemp --suffix=.jar)   # a copy: a build during the run must not rewrite the running jar
cp "$(ls target/waste-site-gis-*.jar | grep -v original | head -1)" "$jar"
if [ "${SKIP_LOAD:-0}" != 1 ]; then
  $pg -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  $pg -d "$db" -c "CREATE EXTENSION postgis"
  java -cp "$jar" -Dloader.main=org.wufei.gis.demo.BulkSites org.springframework.boot.loader.launch.PropertiesLauncher "$url" "$n"
  $pg -d "$db" -c "ANALYZE"
fi
port=${PORT:-18090}
dir=$(mktemp -d)
pids=
trap 'kill $pids 2>/dev/null || true; rm -rf "$dir" "$jar"' EXIT
# the start-up check of stored attributes reads every site: give it time on a loaded machine
serve() { # jar port
  java -jar "$1" --server.port=$2 --gis.data-dir="$dir/$2" --gis.demo.enabled=false \
    --spring.jdbc.template.query-timeout=300s \
    --spring.datasource.url="$url" --spring.datasource.username=postgres > "$dir/log-$2.txt" 2>&1 &
  pids="$pids $!"
  until curl -sf "http://127.0.0.1:$2/actuator/health" | grep -q UP; do sleep 0.5; done
  # the indicators ledger is built in the background after a start: wait for it, it is not what is measured
  for _ in $(seq 1 240); do grep -q "Indicators ledger built" "$dir/log-$2.txt" && break; sleep 0.5; done
}
serve "$jar" "$port"
echo "sites: $($pg -d "$db" -At -c "SELECT COUNT(*) FROM site")"
if [ -n "${REF_JAR:-}" ]; then
  ref_port=${REF_PORT:-$((port + 1))}
  serve "$REF_JAR" "$ref_port"
  for clients in 8 1; do
    echo "== reference ($REF_JAR), $clients clients"; python3 bench/ogc-items.py "http://127.0.0.1:$ref_port" 400 $clients
    echo "== this build, $clients clients"; python3 bench/ogc-items.py "http://127.0.0.1:$port" 400 $clients
  done
else
  python3 bench/ogc-items.py "http://127.0.0.1:$port" 400 8
  python3 bench/ogc-items.py "http://127.0.0.1:$port" 400 1
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# the statement of a page whose count is not cached yet (FeatureStore.page): the page and its count in one
$pg -d "$db" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT s.id, s.code, ST_AsGeoJSON(s.geom, 7), COUNT(*) OVER ()
  FROM (SELECT * FROM site s WHERE (s.kind = 'waste_heap' AND s.deleted_at IS NULL)
  AND ((s.geom && ST_MakeEnvelope(110.2,40.6,110.24,40.63,4326)
  AND ST_Intersects(s.geom, ST_MakeEnvelope(110.2,40.6,110.24,40.63,4326)))) AND (s.status = 'confirmed')
  LIMIT 10001) s ORDER BY s.id LIMIT 100 OFFSET 0"
