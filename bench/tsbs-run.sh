#!/usr/bin/env bash
# Shared by run-ingest.sh and run-queries.sh: builds (unless --no-build), finds or starts the local PostgreSQL 15
# cluster (unless --no-pg or --pg-url), then runs the benchmark main class given as the first argument with the
# remaining arguments plus --epochdb-jar and --pg-url.
set -euo pipefail
cd "$(dirname "$0")/.."

main_class="$1"
shift
build=1
use_pg=1
jar=pgwire/target/epochdb.jar
pg_url=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --no-pg) use_pg=0 ;;
    --pg-url) pg_url="$2"; shift ;;
    --epochdb-jar) jar="$2"; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
  mvn -B -q -DskipTests install
fi
mvn -B -q -o -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
[ -f "$jar" ] || { echo "missing $jar: build without --no-build" >&2; exit 1; }

started_pg=0
stop_pg() {
  if [ "$started_pg" = 1 ]; then
    echo "stopping the PostgreSQL cluster this script started"
    pg_ctlcluster 15 main stop || true
  fi
}
trap stop_pg EXIT

if [ "$use_pg" = 1 ] && [ -z "$pg_url" ] && command -v pg_lsclusters >/dev/null 2>&1 \
    && pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main"' | grep -q .; then
  if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $4}' | grep -q online; then
    echo "starting PostgreSQL 15 cluster main"
    pg_ctlcluster 15 main start
    started_pg=1
  fi
  port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')
  pg_url="jdbc:postgresql://127.0.0.1:${port}/slt?user=slt&password=slt"
fi
if [ "$use_pg" = 1 ] && [ -n "$pg_url" ]; then
  args+=(--pg-url "$pg_url")
else
  echo "no PostgreSQL to compare with (install postgresql-15 or pass --pg-url)"
fi

java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main_class" \
  --epochdb-jar "$jar" "${args[@]}"
