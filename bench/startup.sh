#!/usr/bin/env bash
# Start-up of the service against a bare Spring Boot web app (bench/bare-app: web + actuator only, the same Boot
# version), both started the same way, in three ways:
#   java -jar        the packaged jar as the build leaves it
#   java -jar + CDS  the jar extracted (java -Djarmode=tools ... extract) and started with a class-data-sharing
#                    archive made by a training run (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh) and
#                    with the build's Spring AOT bean definitions (-Dspring.aot.enabled=true; both poms run
#                    process-aot)
#   java -jar + AOT  the extracted jar on Java 25 (JAVA25, default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java) with
#                    an AOT cache (JEP 483/514/515) made by the same kind of training start (-XX:AOTCacheOutput) and
#                    Spring AOT; this is how the Dockerfile runs the service; skipped when there is no Java 25
#   AOT + C1         the same with -XX:TieredStopAtLevel=1 (the JIT's C1 only, as spring-boot:run starts): a
#                    development or evaluation start on two cores, where C2 compiling takes a third of the CPU
#   spring-boot:run  ./mvnw spring-boot:run after a first build (Maven's own start-up included; both poms start the
#                    forked JVM with -XX:TieredStopAtLevel=1)
# "healthy" = /actuator/health answers status UP (the service is live and ready, its demo sites may still be
# loading); "demo in" = its demoData component is UP as well (the demo sites are on the map).
# cold = empty embedded H2GIS database (Flyway, H2GIS functions, reference layers, demo sites); warm = the same
# database again. Each figure is the median of RUNS starts (default 3); "cpu" is the CPU time the JVM used until
# healthy, which says more than the wall time when other work shares the two cores.
# Usage: bench/startup.sh   (SKIP_BUILD=1 reuses target/; RUNS=n; ROWS="jar cds aot aot-c1 run" picks rows;
#                             PORT / BARE_PORT fix the ports;
#                             JAVA=/path/to/java picks the JVM, default: java on the PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
java=${JAVA:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
runs=${RUNS:-3}
rows=" ${ROWS:-jar cds aot aot-c1 run} "
want() { [[ $rows == *" $1 "* ]]; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=${PORT:-$(free_port)}
bare_port=${BARE_PORT:-$(free_port)}
work=$(mktemp -d)
pid=
stop() {
  [ -n "$pid" ] || return 0
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}
trap 'stop; rm -rf "$work"' EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -ntp package -DskipTests > /dev/null  # process-aot prints the app's log
  ./mvnw -q -B -ntp -f bench/bare-app/pom.xml package -DskipTests > /dev/null
fi
jar=$(ls target/waste-site-gis-*.jar | grep -v original | head -1)
bare_jar=$(ls bench/bare-app/target/bare-app-*.jar | grep -v original | head -1)

# Extracts a jar to $2 and trains a CDS archive $2/app.jsa on a start that stops once the context is refreshed.
cds() {
  rm -rf "$2"
  "$java" -Djarmode=tools -jar "$1" extract --destination "$2" > /dev/null
  (cd "$root" && "$java" -XX:ArchiveClassesAtExit="$2/app.jsa" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
    -jar "$2/$(basename "$1")" --server.port=0 --gis.data-dir="$work/train" > "$work/train.log" 2>&1)
  rm -rf "$work/train"
}

# Extracts a jar to $2 with Java 25 and trains an AOT cache $2/app.aot the same way.
aot() {
  rm -rf "$2"
  "$java25" -Djarmode=tools -jar "$1" extract --destination "$2" > /dev/null
  (cd "$root" && "$java25" -XX:AOTCacheOutput="$2/app.aot" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
    -jar "$2/$(basename "$1")" --server.port=0 --gis.data-dir="$work/train" > "$work/train.log" 2>&1)
  rm -rf "$work/train"
}

# start <port> <app arguments> <wait-for-demo> <command...>: starts the command in a process group of its own (an
# argument ARGS becomes the app arguments, a trailing =ARGS their string), waits until it is healthy (and its demo
# sites are in, if asked); sets $healthy, $demo (seconds) and $cpu (CPU seconds of the JVM, or "-").
start() {
  local p=$1 args=$2 want_demo=$3 t0 body jvm cmd=() a
  shift 3
  for a in "$@"; do
    case "$a" in
      ARGS) read -ra split <<< "$args"; cmd+=("${split[@]}") ;;
      *=ARGS) cmd+=("${a%ARGS}$args") ;;
      *) cmd+=("$a") ;;
    esac
  done
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then echo "port $p is in use" >&2; exit 1; fi
  t0=$(date +%s.%N)
  setsid "${cmd[@]}" > "$work/log.txt" 2>&1 &
  pid=$!
  healthy= demo=- cpu=-
  while :; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/log.txt"; echo "did not start: ${cmd[*]}" >&2; exit 1; }
    body=$(curl -s "http://127.0.0.1:$p/actuator/health" || true)
    if [ -z "$healthy" ] && grep -qE '^\{"status":"UP"|,"status":"UP"\}$' <<< "$body"; then
      healthy=$(echo "$(date +%s.%N) - $t0" | bc)
      jvm=$(pgrep -s "$pid" java | tail -1 || true)
      [ -z "$jvm" ] || cpu=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$jvm/stat")
    fi
    if [ -n "$healthy" ]; then
      [ "$want_demo" = 1 ] || break
      if ! grep -q '"demoData":{[^}]*"LOADING"' <<< "$body"; then
        demo=$(echo "$(date +%s.%N) - $t0" | bc)
        break
      fi
    fi
    sleep 0.05
  done
}

median() { sort -g | awk '{a[NR] = $1} END {print (a[NR] == "-" ? "-" : a[int((NR + 1) / 2)])}'; }

# measure <label> <service command...> -- <bare command...>: RUNS cold, warm and bare starts; prints one row.
measure() {
  local label=$1 svc=() bare=() c=() cd=() cc=() w=() wc=() b=() bc_=() i
  shift
  while [ "$1" != -- ]; do svc+=("$1"); shift; done
  shift
  bare=("$@")
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/data"
    start "$port" "--server.port=$port --gis.data-dir=$work/data" 1 "${svc[@]}"
    c+=("$healthy"); cd+=("$demo"); cc+=("$cpu"); stop
    start "$port" "--server.port=$port --gis.data-dir=$work/data" 0 "${svc[@]}"
    w+=("$healthy"); wc+=("$cpu"); stop
    start "$bare_port" "--server.port=$bare_port" 0 "${bare[@]}"
    b+=("$healthy"); bc_+=("$cpu"); stop
  done
  local mc mw mb
  mc=$(printf '%s\n' "${c[@]}" | median); mw=$(printf '%s\n' "${w[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
  printf '%-16s %6.2f s (cpu %4s) %6.2f s %6.2f s (cpu %4s) %6.2f s (cpu %4s) %5.2f %5.2f\n' "$label" \
    "$mc" "$(printf '%s\n' "${cc[@]}" | median)" "$(printf '%s\n' "${cd[@]}" | median)" \
    "$mw" "$(printf '%s\n' "${wc[@]}" | median)" "$mb" "$(printf '%s\n' "${bc_[@]}" | median)" \
    "$(echo "$mc / $mb" | bc -l)" "$(echo "$mw / $mb" | bc -l)"
}

if want cds; then
  cds "$jar" target/cds
  cds "$bare_jar" bench/bare-app/target/cds
fi
app=target/cds/$(basename "$jar")
bare_app=bench/bare-app/target/cds/$(basename "$bare_jar")

echo "$(date -u +%F) $($java -version 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), runs $runs"
printf '%-16s %-23s %-8s %-23s %-23s %-5s %-5s\n' "" "service cold" "demo in" "service warm" "bare app" "cold/" "warm/"
printf '%-16s %-23s %-8s %-23s %-23s %-5s %-5s\n' "" "(healthy)" "(cold)" "(healthy)" "(healthy)" "bare" "bare"
! want jar || measure "java -jar" "$java" -jar "$jar" ARGS -- "$java" -jar "$bare_jar" ARGS
spring_aot=-Dspring.aot.enabled=true
! want cds || measure "java -jar + CDS" "$java" -XX:SharedArchiveFile=target/cds/app.jsa $spring_aot -jar "$app" ARGS \
  -- "$java" -XX:SharedArchiveFile=bench/bare-app/target/cds/app.jsa $spring_aot -jar "$bare_app" ARGS
if [ -x "$java25" ] && { want aot || want aot-c1; }; then
  aot "$jar" target/aot
  aot "$bare_jar" bench/bare-app/target/aot
  for c1 in "" -XX:TieredStopAtLevel=1; do
    if [ -z "$c1" ]; then want aot || continue; label="java -jar + AOT"; else want aot-c1 || continue; label="AOT + C1"; fi
    measure "$label" "$java25" -XX:AOTCache=target/aot/app.aot $spring_aot $c1 -jar "target/aot/$(basename "$jar")" ARGS \
      -- "$java25" -XX:AOTCache=bench/bare-app/target/aot/app.aot $spring_aot $c1 \
        -jar "bench/bare-app/target/aot/$(basename "$bare_jar")" ARGS
  done
fi
! want run || measure "spring-boot:run" ./mvnw -q -B -ntp -o spring-boot:run -Dspring-boot.run.arguments=ARGS \
  -- ./mvnw -q -B -ntp -o -f bench/bare-app/pom.xml spring-boot:run -Dspring-boot.run.arguments=ARGS
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
