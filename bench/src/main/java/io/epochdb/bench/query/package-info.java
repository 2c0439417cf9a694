/**
 * The TSBS cpu-only query benchmark: loads the data set of {@link io.epochdb.bench.tsbs.CpuOnlyGenerator} into
 * EpochDB and PostgreSQL 15 with the ingest benchmark's loading code, runs TSBS's TimescaleDB SQL for the cpu-only
 * query types with seeded parameters on both, times them, and checks that both return the same rows. Entry point
 * {@link io.epochdb.bench.query.QueryBench}; {@code bench/run-queries.sh} builds and runs it.
 */
package io.epochdb.bench.query;
