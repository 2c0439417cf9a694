/**
 * A Java port of the data side of the Time Series Benchmark Suite (TSBS, github.com/timescale/tsbs): the
 * {@code cpu-only} use case's hosts, tags and clamped random walks, generated deterministically from a seed so the
 * ingest benchmark and later query benchmarks see the same rows.
 */
package io.epochdb.bench.tsbs;
