package io.epochdb.storage.wal;

/**
 * One record read back from the WAL.
 *
 * @param type the record type (see {@code LogRecords})
 * @param body the body bytes
 * @param fileSequence the WAL file it came from
 * @param offset its offset in that file
 */
public record WalRecord(byte type, byte[] body, long fileSequence, long offset) {
}
