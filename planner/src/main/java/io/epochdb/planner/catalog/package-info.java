/**
 * The catalog clients see: {@code pg_catalog}, {@code information_schema} and TimescaleDB's
 * {@code timescaledb_information} (hypertables, dimensions, chunks) as virtual tables built from the storage
 * catalog with PostgreSQL's OIDs, names and types, and the introspection functions clients call
 * ({@code format_type}, {@code pg_get_indexdef}, {@code pg_table_is_visible}, regclass casts ...).
 */
package io.epochdb.planner.catalog;
