#!/usr/bin/env bash
# TSBS cpu-only ingest benchmark: EpochDB (started from pgwire/target/epochdb.jar on a fresh data directory) against
# PostgreSQL 15 (a plain table with TSBS's indexes). Prints rows, seconds, rows/s and bytes per row for each.
#
#   bench/run-ingest.sh [--days D] [--hosts N] [--batch-rows R] [--seed S] [--keep-data]
#                       [--pg-url JDBC_URL | --no-pg] [--no-build] [--epochdb-jvm "-Xmx4g ..."]
#                       [--epochdb-jar PATH]   (default pgwire/target/epochdb.jar)
#
# Without --pg-url, a local PostgreSQL 15 cluster (pg_ctlcluster 15 main) is used when installed: started if it is
# down (and stopped again at the end), loaded as role/database slt (password slt) into schema bench_ingest.
# --no-build skips `mvn install` (use it when pgwire/target/epochdb.jar and bench/target/classes are current).
set -euo pipefail
exec "$(dirname "$0")/tsbs-run.sh" io.epochdb.bench.ingest.IngestBench "$@"
