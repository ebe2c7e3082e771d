#!/usr/bin/env bash
# Planning processes on PostGIS with 1,000,000 sites (results go to docs/benchmarks.md, section "Planning
# processes"): nearest-sites and sites-within-distance through the service vs the same SQL over JDBC
# (ProcessBenchmark; p50/p95 and their ratio), and through the least Spring Boot service that runs that SQL
# (bench/bare-sql-app: the floor of Tomcat, Spring MVC and Hikari); river-screening and straw-coverage through the
# service.
# Usage: bench/processes.sh [jdbc-url]     (SKIP_LOAD=1 reuses a loaded database; REQUESTS=200 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
JDBC=${1:-jdbc:postgresql://127.0.0.1:5432/processes_bench?user=postgres}
PORT=${PORT:-18103}
BARE_PORT=${BARE_PORT:-18104}
JAVA=${JAVA:-java}   # the service's JVM; the Dockerfile runs Java 25: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
OUT=target/bench-processes
mkdir -p "$OUT"

if [ -z "${SKIP_LOAD:-}" ]; then
  DB=$(echo "$JDBC" | sed -E 's#.*/([^?]+).*#\1#')
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "CREATE EXTENSION postgis"
  ./mvnw -q exec:java -Dexec.mainClass=org.wufei.gis.demo.BulkSites -Dexec.args="$JDBC&reWriteBatchedInserts=true 1000000"
  # 1,000 villages at random places of the district (the loader leaves a non-empty table alone)
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "INSERT INTO village (code, name, township, population, cropland_mu,
    weight, geom) SELECT 'BV' || g, 'bench village ' || g, NULL, 1000, w, w,
    ST_SetSRID(ST_MakePoint(110.03 + random() * 0.5, 40.60 + random() * 0.28), 4326)
    FROM generate_series(1, 1000) g, LATERAL (SELECT 500 + random() * 5000 AS w) r"
  # vacuumed as autovacuum would have it by the time anyone asks (the server may run without it, as CI's does): an
  # unvacuumed table has no visibility map and its first readers set every row's hint bits (nearest-sites 10.5 ms
  # p50 over JDBC before, about 4.5 ms after)
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "VACUUM (ANALYZE) site" -c "VACUUM (ANALYZE) village"
fi

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
# copies, so a build in this worktree during the run cannot pull classes from under the service
rm -rf "$OUT/classes" "$OUT/test-classes" && cp -r target/classes target/test-classes "$OUT/"
CP="$OUT/classes:$OUT/test-classes:$(cat target/cp.txt)"

# demo users (planner/demo); the demo sites are not loaded into a database that has sites. The start-up check of the
# stored attributes against the kind definitions reads all 1,000,000 sites: under load it needs more than the 30 s
# statement limit of the read side (the processes keep their own limit, gis.analysis.statement-timeout-seconds).
GIS_DB_STATEMENT_TIMEOUT=${GIS_DB_STATEMENT_TIMEOUT:-300s} GIS_DB_POOL_SIZE=${GIS_DB_POOL_SIZE:-8} "$JAVA" -Xmx2g -cp "$CP" org.wufei.gis.GisApplication --server.port=$PORT --spring.datasource.url="$JDBC" \
  --gis.demo.enabled=true --gis.data-dir="$OUT/data" --server.tomcat.basedir="$OUT/tomcat" \
  --logging.level.root=warn > "$OUT/service.log" 2>&1 &
PID=$!
./mvnw -q -B -ntp -f bench/bare-sql-app/pom.xml package -DskipTests > /dev/null
"$JAVA" -Xmx2g -jar bench/bare-sql-app/target/bare-sql-app-0.1.0-SNAPSHOT.jar --server.port=$BARE_PORT \
  --spring.datasource.url="$JDBC" > "$OUT/bare.log" 2>&1 &
BARE_PID=$!
trap 'kill $PID $BARE_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/ogc/processes" && break
  kill -0 $PID 2>/dev/null || { echo "service did not start" >&2; exit 1; }
  sleep 1
done
for _ in $(seq 1 60); do # up when it answers at all (a 404 for /)
  curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/" && break
  kill -0 $BARE_PID 2>/dev/null || { echo "bare-sql-app did not start" >&2; exit 1; }
  sleep 1
done
# the service's own work after start (the indicators' warm-up reads the whole register) is over before measuring:
# wait until it has used under 5 % of a core for 3 s
ticks() { awk '{print $14 + $15}' /proc/$PID/stat; }
for _ in $(seq 1 120); do
  a=$(ticks); sleep 3; b=$(ticks)
  [ $((b - a)) -lt 15 ] && break
done
java -cp "$CP" org.wufei.gis.analysis.process.ProcessBenchmark "$JDBC" "http://127.0.0.1:$PORT" "${REQUESTS:-200}" \
  "http://127.0.0.1:$BARE_PORT" \
  | tee "$OUT/result.txt"
