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
# offline first (fast, works without a network once built); online when a fresh machine lacks the plugin's own jars
mvn -B -q -o -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null 2>&1 \
  || mvn -B -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
[ -f "$jar" ] || { echo "missing $jar: build without --no-build" >&2; exit 1; }

started_pg=0
stop_pg() {
  if [ "$started_pg" = 1 ]; then
    echo "stopping the PostgreSQL cluster this script started"
    pg_ctlcluster 15 main stop || true
  fi
}
trap stop_pg EXIT

# A fresh cluster has only the postgres superuser: create the bench's login role and database (as postgres, which
# needs root here; otherwise say what to run).
ensure_slt_role() {
  local port="$1"
  if [ "$(id -u)" != 0 ] || ! command -v runuser >/dev/null 2>&1; then
    echo "note: the bench logs in as role slt (password slt) to database slt; create them if missing" >&2
    return 0
  fi
  local as_postgres=(runuser -u postgres -- psql -p "$port" -XtAq -d postgres)
  if [ "$("${as_postgres[@]}" -c "SELECT count(*) FROM pg_roles WHERE rolname = 'slt'")" = 0 ]; then
    echo "creating PostgreSQL role slt and database slt for the bench"
    "${as_postgres[@]}" -c "CREATE ROLE slt LOGIN PASSWORD 'slt'"
  fi
  if [ "$("${as_postgres[@]}" -c "SELECT count(*) FROM pg_database WHERE datname = 'slt'")" = 0 ]; then
    "${as_postgres[@]}" -c "CREATE DATABASE slt OWNER slt"
  fi
  # the query bench runs CHECKPOINT after loading, so no checkpoint writes behind the timed queries
  "${as_postgres[@]}" -c "GRANT pg_checkpoint TO slt" 2>/dev/null || true
}

if [ "$use_pg" = 1 ] && [ -z "$pg_url" ] && command -v pg_lsclusters >/dev/null 2>&1 \
    && pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main"' | grep -q .; then
  if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $4}' | grep -q online; then
    echo "starting PostgreSQL 15 cluster main"
    pg_ctlcluster 15 main start
    started_pg=1
  fi
  port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')
  ensure_slt_role "$port"
  pg_url="jdbc:postgresql://127.0.0.1:${port}/slt?user=slt&password=slt"
fi
if [ "$use_pg" = 1 ] && [ -n "$pg_url" ]; then
  args+=(--pg-url "$pg_url")
else
  echo "no PostgreSQL to compare with (install postgresql-15 or pass --pg-url)"
fi

java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main_class" \
  --epochdb-jar "$jar" "${args[@]}"
