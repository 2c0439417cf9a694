/**
 * The catalog: schemas, tables, views, indexes, constraints, roles, comments, hypertables and OIDs (16384 upward),
 * as immutable records behind the thread-safe {@link io.epochdb.storage.catalog.Catalog}. DDL applies immediately
 * (not transactional); the data layer hears about changes through {@link io.epochdb.storage.catalog.CatalogListener}.
 * The whole catalog is one {@link io.epochdb.storage.catalog.CatalogImage} value, which
 * {@link io.epochdb.storage.catalog.CatalogImageCodec} turns into bytes for the durable storage to log and restore.
 */
package io.epochdb.storage.catalog;
