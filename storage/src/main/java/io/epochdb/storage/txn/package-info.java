/**
 * Transactions and MVCC snapshots (READ COMMITTED). Rows carry creator and deleter transaction ids;
 * {@link io.epochdb.storage.txn.Snapshot#isVisible} decides what a statement sees. Writers never block each other:
 * write-write conflicts fail at once with 40001.
 */
package io.epochdb.storage.txn;
