/**
 * Storage: the catalog (schemas, tables, views, indexes, roles, OIDs from 16384), table data and its MVCC
 * visibility, constraints (NOT NULL, PRIMARY KEY, UNIQUE). Knows nothing about SQL text.
 *
 * <p>{@link io.epochdb.storage.Storage} ties together {@code catalog} (definitions), {@code txn} (transactions,
 * snapshots) and {@code table} (rows). For now all state is in memory; durable storage replaces the
 * implementations behind the same interfaces ({@code Catalog}, {@code Table}, {@code TableSnapshot}).
 */
package io.epochdb.storage;
