#!/usr/bin/env bash
# Tile benchmark on PostGIS (results go to docs/benchmarks.md). Needs a database with 1,000,000 sites loaded by
# org.wufei.gis.demo.BulkSites, plus wrk and nginx (apt-get install wrk nginx-light). Everything stays on loopback.
#   1. dynamic tiles: the service with its tile cache off vs the same SQL over JDBC (TileBenchmark), z10/z12/z14;
#   2. cached tiles: wrk (32 connections, 20 s) on the service with its cache on vs nginx serving the same tiles
#      as static files.
# Usage: bench/tiles.sh [jdbc-url] [db-user]
set -euo pipefail
cd "$(dirname "$0")/.."
JDBC=${1:-jdbc:postgresql://127.0.0.1:5432/bench?user=postgres}
DB_USER=${2:-postgres}
OUT=target/bench-tiles
DYN_PORT=18473
CACHED_PORT=18474
STATIC_PORT=18475
mkdir -p "$OUT"
OUT_ABS=$(cd "$OUT" && pwd)

./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/cp.txt)"

start_service() { # port, extra args...
  local port=$1; shift
  SPRING_DATASOURCE_USERNAME=$DB_USER java -Xmx2g -cp "$CP" org.wufei.gis.GisApplication --server.port="$port" \
    --spring.datasource.url="$JDBC" --gis.demo.enabled=false --gis.data-dir="$OUT/data" \
    --server.tomcat.basedir="$OUT/tomcat" --logging.level.root=warn "$@" > "$OUT/service-$port.log" 2>&1 &
  echo $!
}
wait_for() {
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/ogc/tileMatrixSets" && return 0
    sleep 1
  done
  echo "service on $1 did not start" >&2; exit 1
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

echo "== dynamic tiles (cache off) vs JDBC"
PID=$(start_service $DYN_PORT --gis.tiles.cache-max-bytes=0)
wait_for $DYN_PORT
java -cp "$CP" org.wufei.gis.tiles.TileBenchmark "$JDBC" "http://127.0.0.1:$DYN_PORT" "$OUT" "${ROUNDS:-5}"
stop "$PID"

echo "== cached tiles: service vs nginx (wrk -t2 -c32 -d20s, z14 tiles of the fixed list)"
PID=$(start_service $CACHED_PORT)
wait_for $CACHED_PORT
for p in $(grep -o '"/ogc[^"]*"' "$OUT/tiles.lua" | tr -d '"'); do curl -sf -o /dev/null "http://127.0.0.1:$CACHED_PORT$p"; done
SERVICE=$(wrk -t2 -c32 -d20s -s "$OUT/tiles.lua" "http://127.0.0.1:$CACHED_PORT" | tee "$OUT/wrk-service.txt" \
  | awk '/Requests\/sec/ {print $2}')
stop "$PID"

cat > "$OUT/nginx.conf" <<NGINX
worker_processes 2;
pid $OUT_ABS/nginx.pid;
error_log $OUT_ABS/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { application/vnd.mapbox-vector-tile pbf; }
  default_type application/vnd.mapbox-vector-tile;
  server { listen 127.0.0.1:$STATIC_PORT; root $OUT_ABS/static; etag on; }
}
NGINX
nginx -c "$OUT_ABS/nginx.conf"
STATIC=$(wrk -t2 -c32 -d20s -s "$OUT/tiles.lua" "http://127.0.0.1:$STATIC_PORT" | tee "$OUT/wrk-static.txt" \
  | awk '/Requests/ {print $2}')
nginx -c "$OUT_ABS/nginx.conf" -s stop

echo "cached service: $SERVICE req/s; nginx static: $STATIC req/s; ratio $(echo "$SERVICE / $STATIC" | bc -l | cut -c1-5) (target >= 0.8)"
