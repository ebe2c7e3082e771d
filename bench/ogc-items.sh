#!/usr/bin/env bash
# OGC API items benchmark on PostGIS with N generated sites (default 1,000,000):
# creates database ogc_bench, loads it with org.wufei.gis.demo.BulkSites, starts the packaged service on it and
# runs bench/ogc-items.py. Usage: bench/ogc-items.sh [sites] (SKIP_LOAD=1 reuses the database, SKIP_BUILD=1 the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
db=${BENCH_DB:-ogc_bench}
pg="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/waste-site-gis-*.jar | grep -v original | head -1)
if [ "${SKIP_LOAD:-0}" != 1 ]; then
  $pg -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  $pg -d "$db" -c "CREATE EXTENSION postgis"
  java -cp "$jar" -Dloader.main=org.wufei.gis.demo.BulkSites org.springframework.boot.loader.launch.PropertiesLauncher "$url" "$n"
  $pg -d "$db" -c "ANALYZE"
fi
port=${PORT:-18090}
dir=$(mktemp -d)
java -jar "$jar" --server.port=$port --gis.data-dir="$dir" --gis.demo.enabled=false \
  --spring.datasource.url="$url" --spring.datasource.username=postgres > "$dir/log.txt" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.5; done
echo "sites: $($pg -d "$db" -At -c "SELECT COUNT(*) FROM site")"
python3 bench/ogc-items.py "http://127.0.0.1:$port" 400 8
python3 bench/ogc-items.py "http://127.0.0.1:$port" 400 1
$pg -d "$db" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT s.id FROM site s
  WHERE s.kind = 'waste_heap' AND s.deleted_at IS NULL AND (s.geom && ST_MakeEnvelope(110.2,40.6,110.24,40.63,4326)
  AND ST_Intersects(s.geom, ST_MakeEnvelope(110.2,40.6,110.24,40.63,4326))) AND (s.status = 'confirmed')
  ORDER BY s.id LIMIT 100"
