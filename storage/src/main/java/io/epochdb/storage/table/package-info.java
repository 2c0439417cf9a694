/**
 * Table data: {@link io.epochdb.storage.table.Table} (insert, delete, unique-key lookup, snapshots) and
 * {@link io.epochdb.storage.table.TableSnapshot} parts read into caller-owned Arrow vectors. The in-memory
 * implementation stores append-only columnar blocks with per-row creator/deleter transaction ids.
 */
package io.epochdb.storage.table;
