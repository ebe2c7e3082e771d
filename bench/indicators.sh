#!/usr/bin/env bash
# The indicators at 1,000,000 sites on PostGIS (results go to docs/benchmarks.md, section "Indicators"):
#   reference: the raw SQL of one as-of tally replayed with a window over the whole history (the query the service
#              ran before V300), timed by psql in this script;
#   service:   first start on the loaded database: the ledger table (indicator_ledger) is built from the history in
#              the background (the time it logs is printed; one request meanwhile is replayed). Then the service
#              is restarted and, cold right after that start, GET /api/indicators/{id}?at= (one indicator) and
#              GET /api/indicators?at= (every indicator; a new date each time, so nothing cached), the live board,
#              each coverage alone, and the monthly series of every indicator.
# Prints each figure and its ratio to the reference.
# Usage: bench/indicators.sh [jdbc-url]   (SKIP_LOAD=1 reuses a loaded database; RUNS=3 dates by default;
#                                          SKIP_SERIES=1 leaves out the series; PORT=${PORT:-18104} by default)
set -euo pipefail
cd "$(dirname "$0")/.."
JDBC=${1:-jdbc:postgresql://127.0.0.1:5432/indicators_bench?user=postgres}
DB=$(echo "$JDBC" | sed -E 's#.*/([^?]+).*#\1#')
PORT=${PORT:-18104}
OUT=target/bench-indicators
RUNS=${RUNS:-3}
mkdir -p "$OUT"
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt)

if [ -z "${SKIP_LOAD:-}" ]; then
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "CREATE EXTENSION postgis"
  ./mvnw -q compile
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp-main.txt -Dmdep.includeScope=runtime
  java -cp "target/classes:$(cat target/cp-main.txt)" org.wufei.gis.demo.BulkSites "$JDBC&reWriteBatchedInserts=true" 1000000
  "${PSQL[@]}" -v ON_ERROR_STOP=1 -f bench/indicators-history.sql > /dev/null
fi
echo "sites: $("${PSQL[@]}" -c "SELECT COUNT(*) FROM site")  events: $("${PSQL[@]}" -c "SELECT COUNT(*) FROM status_event")"

./mvnw -q compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp-main.txt -Dmdep.includeScope=runtime
rm -rf "$OUT/classes" && cp -r target/classes "$OUT/"
PID=
start_service() {
  GIS_DB_STATEMENT_TIMEOUT=300s GIS_DB_POOL_SIZE=4 java -Xmx2g -cp "$OUT/classes:$(cat target/cp-main.txt)" org.wufei.gis.GisApplication --server.port=$PORT \
    --spring.datasource.url="$JDBC" --gis.demo.enabled=true --gis.data-dir="$OUT/data" \
    --server.tomcat.basedir="$OUT/tomcat" --logging.level.root=warn \
    --logging.level.org.wufei.gis.indicators.LedgerTable=info > "$OUT/service-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 3000); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && return 0
    kill -0 $PID 2>/dev/null || { echo "service did not start" >&2; cat "$OUT/service-$1.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "service not up after 10 minutes" >&2; exit 1
}
stop_service() {
  kill $PID 2>/dev/null || true
  wait $PID 2>/dev/null || true
  while curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do sleep 0.5; done
}
trap 'kill $PID 2>/dev/null || true' EXIT

# seconds of one psql statement (server side, \timing)
sql_seconds() {
  "${PSQL[@]}" -c '\timing on' -c "$1" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | tail -1 | awk '{printf "%.3f", $1 / 1000}'
}
get_seconds() {
  curl -s -o "$OUT/last.json" -w '%{http_code} %{time_total}\n' --max-time 600 "http://127.0.0.1:$PORT$1"
}
replay_sql() {
  cat <<SQL
SELECT st.kind, st.status, COUNT(*), COALESCE(SUM(st.area_m2), 0),
       SUM(CASE WHEN st.deadline < DATE '$1' THEN 1 ELSE 0 END)
FROM (SELECT s.kind, h.to_status AS status, s.area_m2, s.deadline FROM site s
      JOIN (SELECT e.site_id, e.to_status,
                   ROW_NUMBER() OVER (PARTITION BY e.site_id ORDER BY e.at DESC, e.id DESC) AS rn
            FROM status_event e
            WHERE e.event_type IN ('CREATED', 'TRANSITION') AND e.at < (DATE '$1' + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') h
        ON h.site_id = s.id AND h.rn = 1
      WHERE s.deleted_at IS NULL OR s.deleted_at >= (DATE '$1' + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') st
GROUP BY st.kind, st.status
SQL
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# first start: the ledger table catches up with the history in the background (the whole history after a load)
start_service first
read -r code t < <(get_seconds "/api/indicators/heap-rectification?at=2025-01-31")
printf '%-34s %10.3f\n' "indicator 34, first start, building" "$t"
for _ in $(seq 1 900); do grep -q "Indicators ledger caught up" "$OUT/service-first.log" && break; sleep 1; done
echo "$(grep -o 'Indicators ledger caught up.*' "$OUT/service-first.log" | tail -1)"
echo "ledger rows: $("${PSQL[@]}" -c "SELECT COUNT(*) FROM indicator_ledger")"
stop_service

# cold: right after a restart, nothing in memory
start_service cold
printf '%-34s %10s %10s %8s\n' "what" "service s" "SQL ref s" "ratio"
for i in $(seq 1 "$RUNS"); do
  day=$(date -d "2025-0$((i + 2))-1$i" +%F)
  ref=$(sql_seconds "$(replay_sql "$day")")
  read -r code t < <(get_seconds "/api/indicators/heap-rectification?at=$(date -d "$day -1 day" +%F)")
  [ "$code" = 200 ] || { echo "HTTP $code" >&2; cat "$OUT/last.json" >&2; }
  printf '%-34s %10.3f %10.3f %8.2f\n' "indicator 34 ?at=(day before)" "$t" "$ref" "$(echo "$t / $ref" | bc -l)"
  read -r code t < <(get_seconds "/api/indicators?at=$day")
  [ "$code" = 200 ] || { echo "at=$day: HTTP $code" >&2; cat "$OUT/last.json" >&2; }
  printf '%-34s %10.3f %10.3f %8.2f\n' "every indicator ?at=$day" "$t" "$ref" "$(echo "$t / $ref" | bc -l)"
done
read -r code live < <(get_seconds "/api/indicators")
printf '%-34s %10.3f %10s %8s\n' "every indicator, live" "$live" "" ""
for i in $(seq 1 "$RUNS"); do
  day=$(date -d "2024-0$((i + 2))-2$i" +%F)
  for id in straw-collection-coverage recycling-coverage sites-overdue; do
    read -r code t < <(get_seconds "/api/indicators/$id?at=$day")
    printf '%-34s %10.3f %10.3f %8.2f\n' "$id ?at=$day" "$t" "$ref" "$(echo "$t / $ref" | bc -l)"
  done
done
# After an edit of one site of a kind (its updated_at, as an edit through the API moves it): the board now and as
# of a date, and each indicator alone after the next edit of the same kind (what a change makes recomputed).
for kind in waste_heap straw_collection_point recycling_site; do
  edit="UPDATE site SET updated_at = now() WHERE id = (SELECT MIN(id) FROM site WHERE kind = '$kind')"
  "${PSQL[@]}" -c "$edit" > /dev/null
  read -r code live < <(get_seconds "/api/indicators")
  read -r code t < <(get_seconds "/api/indicators?at=2024-12-31")
  printf '%-34s %10.3f (now) %6.3f (?at=2024-12-31)
' "every indicator after a $kind edit" "$live" "$t"
  for id in $(curl -s "http://127.0.0.1:$PORT/api/indicators" | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
    "${PSQL[@]}" -c "$edit" > /dev/null
    read -r code live < <(get_seconds "/api/indicators/$id")
    read -r code t < <(get_seconds "/api/indicators/$id?at=2024-11-30")
    printf '    %-30s %10.3f (now) %6.3f (?at=2024-11-30)\n' "$id" "$live" "$t"
  done
done
[ -n "${SKIP_SERIES:-}" ] && exit 0
total=0
for id in $(curl -s "http://127.0.0.1:$PORT/api/indicators" | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
  read -r code t < <(get_seconds "/api/indicators/$id/series")
  [ "$code" = 200 ] || echo "series $id: HTTP $code" >&2
  printf '%-34s %10.3f\n' "series $id" "$t"
  total=$(echo "$total + $t" | bc -l)
done
printf '%-34s %10.3f %10.3f %8.2f\n' "series, all indicators" "$total" "$ref" "$(echo "$total / $ref" | bc -l)"
day=$(date -d "2025-08-20" +%F)
read -r code t < <(get_seconds "/api/indicators?at=$day")
printf '%-34s %10.3f %10.3f %8.2f\n' "every indicator ?at=$day (after)" "$t" "$ref" "$(echo "$t / $ref" | bc -l)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
