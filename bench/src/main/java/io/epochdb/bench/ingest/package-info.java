/**
 * The ingest benchmark: loads the TSBS cpu-only data set ({@link io.epochdb.bench.tsbs.CpuOnlyGenerator}) by COPY
 * into EpochDB (a server JVM started from the runnable jar on a fresh data directory) and, when given, PostgreSQL,
 * and reports rows/s and bytes per row on disk for each. Entry point {@link io.epochdb.bench.ingest.IngestBench};
 * {@code bench/run-ingest.sh} builds and runs it.
 */
package io.epochdb.bench.ingest;
