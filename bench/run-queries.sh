#!/usr/bin/env bash
# TSBS cpu-only query benchmark: loads the data set into EpochDB (started from pgwire/target/epochdb.jar on a fresh data
# directory) and PostgreSQL 15 as run-ingest.sh does, runs TSBS's cpu-only queries (TimescaleDB SQL, seeded parameters)
# on both and prints median/min ms per query, the ratio and whether both returned the same rows.
#
#   bench/run-queries.sh [--days D] [--hosts N] [--seed S] [--query-seed S] [--warmups W] [--warmup-seconds S] [--warmup-pass-seconds P] [--runs R]
#                        [--budget-seconds B] [--queries a,b,...] [--keep-data]
#                        [--pg-url JDBC_URL | --no-pg] [--no-build] [--epochdb-jvm "-Xmx4g ..."]
#                        [--epochdb-jar PATH]   (default pgwire/target/epochdb.jar)
#
# Without --pg-url, a local PostgreSQL 15 cluster (pg_ctlcluster 15 main) is used when installed: started if it is
# down (and stopped again at the end), loaded as role/database slt (password slt) into schema bench_query.
# --no-build skips `mvn install` (use it when pgwire/target/epochdb.jar and bench/target/classes are current).
set -euo pipefail
exec "$(dirname "$0")/tsbs-run.sh" io.epochdb.bench.query.QueryBench "$@"
