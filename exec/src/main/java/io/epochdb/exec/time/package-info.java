/**
 * Calendar math on EpochDB's time representations (microseconds since 1970-01-01 UTC, days since 1970-01-01):
 * time zone resolution, local/UTC conversions, TimescaleDB's {@code time_bucket}, {@code date_trunc} and
 * {@code date_bin}.
 */
package io.epochdb.exec.time;
