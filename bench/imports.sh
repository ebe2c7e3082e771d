#!/usr/bin/env bash
# Import benchmark: 100,000 detection polygons (GeoJSON and GeoPackage, generated here) uploaded through
# POST /api/imports into PostGIS, with validation and triage against 10,000 waste-heap sites, against
# `ogr2ogr -f PostgreSQL` of the same files (no checks) into the same database. The service runs with -Xmx512m and
# its heap is sampled from /actuator/prometheus during the imports.
# Needs: java 17, python3, gdal-bin (ogr2ogr), psql, a PostgreSQL with PostGIS reachable as below.
# Usage: bench/imports.sh   (builds the jar first unless SKIP_BUILD=1; N=100000 SITES=10000 to change sizes;
#        JAR=path runs that jar instead, PORT=n a fixed port, DB=name the scratch database's name)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
SITES=${SITES:-10000}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
[ "${SKIP_BUILD:-0}" = 1 ] || [ -n "${JAR:-}" ] || ./mvnw -q -B -ntp package -DskipTests
jar=${JAR:-$(ls target/waste-site-gis-*.jar | grep -v original | head -1)}
port=${PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])")}
db=${DB:-gis_bench_$(date +%s)}
dir=$(mktemp -d)
pid=
sampler=
trap 'kill $pid $sampler 2>/dev/null || true; rm -rf "$dir"; psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

cp "$jar" "$dir/app.jar"   # a rebuild during the run must not change the jar under the running service
psql -q -d postgres -c "CREATE DATABASE $db"
psql -q -d "$db" -c "CREATE EXTENSION postgis"

echo "generating $N polygons and their GeoPackage copy ..."
python3 - "$N" "$dir/detections.geojson" <<'EOF'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(42)
with open(out, "w", encoding="utf-8") as f:
    f.write('{"type":"FeatureCollection","features":[\n')
    for i in range(n):
        x = random.uniform(110.03, 110.53); y = random.uniform(40.60, 40.88)
        w = random.uniform(0.0002, 0.0012); h = random.uniform(0.0002, 0.0010)
        ring = [[x, y], [x + w, y], [x + w, y + h], [x + w * 0.4, y + h * 1.2], [x, y + h], [x, y]]
        ring = [[round(a, 7), round(b, 7)] for a, b in ring]
        props = {"名称": f"疑似点{i}", "类别": "建筑垃圾", "置信度": round(random.random(), 3), "编号": i}
        f.write(("," if i else "") + json.dumps({"type": "Feature", "properties": props,
                "geometry": {"type": "Polygon", "coordinates": [ring]}}, ensure_ascii=False) + "\n")
    f.write("]}\n")
EOF
ogr2ogr -f GPKG "$dir/detections.gpkg" "$dir/detections.geojson" -nln detections
ls -l "$dir"/detections.*

echo "starting the service on PostGIS ($db) with -Xmx512m ..."
java -Xmx512m -jar "$dir/app.jar" --server.port=$port --gis.data-dir="$dir/data" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$db?user=$PGUSER&reWriteBatchedInserts=true" \
  --gis.imports.queue-capacity=4 > "$dir/log.txt" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
  kill -0 $pid 2>/dev/null || { tail -50 "$dir/log.txt"; exit 1; }
  sleep 0.2
done

echo "adding $SITES waste-heap sites ..."
psql -q -d "$db" <<EOF
INSERT INTO site (code, name, kind, status, geom, area_m2, attributes, version, created_at, updated_at)
SELECT 'BENCH-' || g, 'bench ' || g, 'waste_heap', CASE WHEN g % 20 = 0 THEN 'closed' ELSE 'suspected' END,
       ST_SetSRID(ST_MakeEnvelope(x, y, x + 0.0008, y + 0.0006), 4326), 4500,
       '{"category": "construction_waste", "ownerless": false}'::jsonb, 0, now(), now()
FROM (SELECT g, 110.03 + random() * 0.5 AS x, 40.60 + random() * 0.28 AS y FROM generate_series(1, $SITES) g) s;
ANALYZE site;
EOF

heap_mib() {
  curl -s "http://127.0.0.1:$port/actuator/prometheus" |
    awk '$1 ~ /^jvm_memory_used_bytes/ && /area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'
}

# Uploads a file, waits for the batch, prints seconds and the peak heap seen. The wait is one GET with
# `Prefer: wait=60` (answered when the batch ends; asked again only if a minute passes), so the client takes no CPU
# from the service it measures; the heap is sampled every 0.25 s by a background loop that keeps its peak in a file.
sample_heap() {
  local peak=0 h
  while :; do
    h=$(heap_mib 2>/dev/null || true)
    if [[ $h =~ ^[0-9]+$ ]] && [ "$h" -gt "$peak" ]; then peak=$h; echo "$peak" > "$1"; fi
    sleep 0.25
  done
}

service_import() {
  local file=$1 t0 tu t1 loc body peak h
  echo 0 > "$dir/heap-peak"
  sample_heap "$dir/heap-peak" &
  sampler=$!
  t0=$(date +%s.%N)
  loc=$(curl -s -u uploader:demo -F "file=@$file" -F source=satellite -o /dev/null -w '%{redirect_url}%header{location}' \
        "http://127.0.0.1:$port/api/imports")
  tu=$(date +%s.%N)
  until body=$(curl -s -u uploader:demo --max-time 90 -H 'Prefer: wait=60' "http://127.0.0.1:$port$loc") &&
        echo "$body" | grep -q '"state":"\(succeeded\|failed\)"'; do
    kill -0 $pid 2>/dev/null || { tail -50 "$dir/log.txt"; exit 1; }
  done
  t1=$(date +%s.%N)
  kill $sampler 2>/dev/null || true
  wait $sampler 2>/dev/null || true
  sampler=
  peak=$(cat "$dir/heap-peak")
  h=$(heap_mib); [ "$h" -gt "$peak" ] && peak=$h
  echo "$body" | python3 -c 'import json,sys; b=json.load(sys.stdin); from datetime import datetime as d; t=lambda k: d.fromisoformat(b[k].replace("Z", "+00:00")); print("  batch", b["id"], b["state"], "accepted", b["accepted"], "rejected", b["rejected"], "merged", b["merged"], "triage", b["triage"]); print("  upload answered (202) %.2f s, queued->started %.2f s, started->finished %.2f s" % ('"$tu - $t0"', (t("started") - t("created")).total_seconds(), (t("finished") - t("started")).total_seconds()))'
  service_s=$(echo "$t1 - $t0" | bc); service_peak=$peak
}

ogr_import() {
  local file=$1 t0 t1
  t0=$(date +%s.%N)
  ogr2ogr -f PostgreSQL "PG:dbname=$db host=$PGHOST user=$PGUSER" "$file" -nln "ogr_${file##*.}" \
    -lco GEOMETRY_NAME=geom -overwrite
  t1=$(date +%s.%N)
  ogr_s=$(echo "$t1 - $t0" | bc)
}

# A copy of a file with other bytes (so its content hash, and its batch, are new) and the same features.
variant() {
  local from=$1 to=$2
  cp "$from" "$to"
  case "$to" in
    *.geojson) printf ' ' >> "$to" ;;
    *.gpkg) python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE bench_variant (a)'); c.commit()" "$to" ;;
  esac
}

# Round 1 is the first import after the service started (cold JIT); round 2 imports the same features again under
# a new hash, as a service that has been running a while would.
for round in cold warm; do
  for f in detections.geojson detections.gpkg; do
    file="$dir/$f"
    if [ $round = warm ]; then variant "$dir/$f" "$dir/warm-$f"; file="$dir/warm-$f"; fi
    echo "== $f ($round)"
    ogr_import "$file"
    service_import "$file"
    printf '  ogr2ogr %.2f s | service (upload, validation, triage, commit) %.2f s | ratio %.2f | peak heap sampled %s MiB (-Xmx512m)\n' \
      "$ogr_s" "$service_s" "$(echo "$service_s / $ogr_s" | bc -l)" "$service_peak"
  done
done
grep -E "OutOfMemory" "$dir/log.txt" && echo "OUT OF MEMORY" || true
