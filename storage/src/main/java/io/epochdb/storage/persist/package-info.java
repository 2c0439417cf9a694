/**
 * Durability: what goes into the WAL ({@link io.epochdb.storage.persist.LogRecords}), the log seen from tables,
 * transactions and the catalog ({@link io.epochdb.storage.persist.DurableLog}), checkpoints that write table data
 * as Arrow segment files under an atomically replaced manifest ({@link io.epochdb.storage.persist.Checkpointer}),
 * and recovery on start ({@link io.epochdb.storage.persist.Recovery}).
 */
package io.epochdb.storage.persist;
