/**
 * The catalog: schemas, tables, views, indexes, constraints, roles, comments and OIDs (16384 upward), as
 * immutable records behind the thread-safe {@link io.epochdb.storage.catalog.Catalog}. DDL applies immediately
 * (not transactional); the data layer hears about changes through {@link io.epochdb.storage.catalog.CatalogListener}.
 */
package io.epochdb.storage.catalog;
