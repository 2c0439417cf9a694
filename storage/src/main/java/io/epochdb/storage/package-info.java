/**
 * Storage: the catalog (schemas, tables, views, indexes, roles, OIDs from 16384), table data and its MVCC
 * visibility, constraints (NOT NULL, PRIMARY KEY, UNIQUE). Knows nothing about SQL text.
 */
package io.epochdb.storage;
