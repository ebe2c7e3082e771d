#!/usr/bin/env bash
# Export benchmark on PostGIS: the whole waste_heaps collection (about 1,000,000 features out of 1,700,000 generated
# sites, in the demo's kind proportions) exported by the service as GeoPackage and CSV, against ogr2ogr writing the
# same rows (same SQL, same columns) to the same formats from the same database. The service runs with a small heap
# (HEAP, default 256m) to show that an export streams; its peak heap is sampled with jstat.
# Usage: bench/exports.sh [sites] (SKIP_LOAD=1 reuses the database, SKIP_BUILD=1 the jar, JAR=path, ROUNDS=2)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1700000}
db=${BENCH_DB:-exports_bench}
rounds=${ROUNDS:-2}
pg="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp package -DskipTests
jar=${JAR:-$(ls target/waste-site-gis-*.jar | grep -v original | head -1)}
if [ "${SKIP_LOAD:-0}" != 1 ]; then
  $pg -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  $pg -d "$db" -c "CREATE EXTENSION postgis"
  java -cp "$jar" -Dloader.main=org.wufei.gis.demo.BulkSites org.springframework.boot.loader.launch.PropertiesLauncher \
    "$url&reWriteBatchedInserts=true" "$n"
  $pg -d "$db" -c "VACUUM ANALYZE"
fi
port=${PORT:-18104}
dir=$(mktemp -d)
java -Xmx"${HEAP:-256m}" -jar "$jar" --server.port=$port --gis.data-dir="$dir" --gis.demo.enabled=false \
  --spring.datasource.url="$url" --spring.datasource.username=postgres > "$dir/log.txt" 2>&1 &
pid=$!
sampler=
trap 'kill $pid 2>/dev/null || true; [ -n "$sampler" ] && kill $sampler 2>/dev/null || true; rm -rf "$dir"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.5; done
base="http://127.0.0.1:$port/ogc/collections/waste_heaps/items"
features=$($pg -d "$db" -At -c "SELECT COUNT(*) FROM site WHERE kind = 'waste_heap' AND deleted_at IS NULL")
echo "waste_heaps: $features features (of $($pg -d "$db" -At -c "SELECT COUNT(*) FROM site") sites)"

# the peak of heap used (survivor, eden and old generation, from jstat), sampled every 0.25 s
( peak=0; while kill -0 $pid 2>/dev/null; do
    used=$(jstat -gc $pid 2>/dev/null | awk 'NR == 2 {printf "%d", ($3 + $4 + $6 + $8) * 1024}')
    if [ "${used:-0}" -gt "$peak" ]; then peak=$used; echo "$peak" > "$dir/peak"; fi
    sleep 0.25
  done ) &
sampler=$!

sql="SELECT s.id AS fid, s.code, s.name, s.kind, s.status, s.township, s.area_m2, s.updated_at,
  s.attributes->>'category' AS category, (s.attributes->>'volume_m3')::float8 AS volume_m3,
  s.attributes->>'responsible_party' AS responsible_party, (s.attributes->>'ownerless')::boolean AS ownerless,
  s.attributes->>'risk_grade' AS risk_grade, s.attributes->>'control_measure' AS control_measure,
  s.attributes->>'discovered_by' AS discovered_by, s.geom
  FROM site s WHERE s.kind = 'waste_heap' AND s.deleted_at IS NULL ORDER BY s.id"
pgconn="PG:host=127.0.0.1 dbname=$db user=postgres"
seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }

for round in $(seq 1 "$rounds"); do
  for f in gpkg csv; do
    rm -f "$dir"/svc.* "$dir"/ogr.*
    t0=$(date +%s.%N)
    curl -sf -o "$dir/svc.$f" "$base?f=$f"
    t1=$(date +%s.%N)
    if [ "$f" = gpkg ]; then
      ogr2ogr -f GPKG "$dir/ogr.gpkg" "$pgconn" -sql "$sql" -nln waste_heaps
    else
      ogr2ogr -f CSV "$dir/ogr.csv" "$pgconn" -sql "$sql" -lco GEOMETRY=AS_WKT
    fi
    t2=$(date +%s.%N)
    svc=$(python3 -c "print($t1 - $t0)"); ogr=$(python3 -c "print($t2 - $t1)")
    if [ "$f" = gpkg ]; then
      got=$(ogrinfo -ro -so -al "$dir/svc.gpkg" | awk -F': ' '/Feature Count/ {print $2}')
    else
      got=$(( $(wc -l < "$dir/svc.csv") - 1 ))
    fi
    printf "round %s %-4s service %6ss (%s MB, %s features)  ogr2ogr %6ss (%s MB)  ratio %.2fx\n" "$round" "$f" \
      "$(seconds "$svc")" "$(( $(stat -c %s "$dir/svc.$f") / 1000000 ))" "$got" "$(seconds "$ogr")" \
      "$(( $(stat -c %s "$dir/ogr.$f") / 1000000 ))" "$(python3 -c "print($svc / $ogr)")"
  done
done
echo "service heap: -Xmx${HEAP:-256m}, peak used $(( $(cat "$dir/peak" 2>/dev/null || echo 0) / 1048576 )) MiB"
