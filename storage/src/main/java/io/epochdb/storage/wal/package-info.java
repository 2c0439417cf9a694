/**
 * The write-ahead log: every committed transaction's rows, deletes and every catalog change reach a WAL file (CRC
 * per record) before the client hears of the commit; one fsync serves every writer waiting at that moment (group
 * commit). Files are {@code wal/<sequence>.wal}; a checkpoint starts a new file and deletes older ones. Recovery
 * reads the files in order and stops at a torn last record.
 */
package io.epochdb.storage.wal;
