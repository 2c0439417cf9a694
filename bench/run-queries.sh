#!/usr/bin/env bash
# TSBS cpu-only query benchmark: loads the data set into EpochDB (started from pgwire/target/epochdb.jar on a fresh data
# directory) and PostgreSQL 15 as run-ingest.sh does, runs TSBS's cpu-only queries (TimescaleDB SQL, seeded parameters)
# on both and prints median/min ms per query, the ratio and whether both returned the same rows.
#
#   bench/run-queries.sh [--days D] [--hosts N] [--seed S] [--query-seed S] [--warmups W] [--runs R]
#                        [--budget-seconds B] [--queries a,b,...] [--keep-data]
#                        [--pg-url JDBC_URL | --no-pg] [--no-build] [--epochdb-jvm "-Xmx4g ..."]
#                        [--epochdb-jar PATH]   (default pgwire/target/epochdb.jar)
#
# Without --pg-url, a local PostgreSQL 15 cluster (pg_ctlcluster 15 main) is used when installed: started if it is
# down (and stopped again at the end), loaded as role/database slt (password slt) into schema bench_query.
# --no-build skips `mvn install` (use it when pgwire/target/epochdb.jar and bench/target/classes are current).
set -euo pipefail
cd "$(dirname "$0")/.."

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

java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.epochdb.bench.query.QueryBench \
  --epochdb-jar "$jar" "${args[@]}"
