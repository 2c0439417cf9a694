package io.epochdb.storage.persist;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The WAL record types and their bodies (little-endian). Table rows are Arrow IPC streams ({@code BatchCodec}).
 */
public final class LogRecords {
    /** Body: the whole catalog image (CatalogImageCodec bytes). */
    public static final byte CATALOG = 1;
    /** Body: txid, table oid, chunk id (0 for a plain table), first row id, row count, rows. */
    public static final byte INSERT = 2;
    /** Body: txid, table oid, chunk id, n, row ids. */
    public static final byte DELETE = 3;
    /** Body: txid. */
    public static final byte COMMIT = 4;
    /** Body: txid. */
    public static final byte ABORT = 5;
    /** Body: table oid, chunk id, range start, range end. */
    public static final byte CHUNK_CREATE = 6;
    /** Body: table oid, n, chunk ids. */
    public static final byte CHUNK_DROP = 7;
    /** Body: table oid, attnum, one row holding the value existing rows get in a new column. */
    public static final byte COLUMN_FILL = 8;
    /** Body: value, name (UTF-8): the sequence may have handed out values up to this one. */
    public static final byte SEQUENCE = 9;

    private LogRecords() {
    }

    static byte[] txid(long txid) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(txid).array();
    }

    static ByteBuffer wrap(byte[] body) {
        return ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] chunkCreate(int tableOid, int chunkId, long start, long end) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(tableOid).putInt(chunkId).putLong(start)
            .putLong(end).array();
    }

    static byte[] chunkDrop(int tableOid, int[] ids) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * ids.length).order(ByteOrder.LITTLE_ENDIAN).putInt(tableOid)
            .putInt(ids.length);
        for (int id : ids) {
            b.putInt(id);
        }
        return b.array();
    }

    static byte[] delete(long txid, int tableOid, int chunkId, long[] rowIds, int n) {
        ByteBuffer b = ByteBuffer.allocate(20 + 8 * n).order(ByteOrder.LITTLE_ENDIAN).putLong(txid).putInt(tableOid)
            .putInt(chunkId).putInt(n);
        for (int i = 0; i < n; i++) {
            b.putLong(rowIds[i]);
        }
        return b.array();
    }

    static byte[] sequence(String name, long value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + n.length).order(ByteOrder.LITTLE_ENDIAN).putLong(value).put(n).array();
    }

    /** A growable buffer whose bytes can be appended to the WAL without copying. */
    static final class Body extends ByteArrayOutputStream {
        private final DataOutputStream le = new DataOutputStream(this);

        Body(int size) {
            super(size);
        }

        Body putInt(int v) {
            write(v);
            write(v >>> 8);
            write(v >>> 16);
            write(v >>> 24);
            return this;
        }

        Body putLong(long v) {
            putInt((int) v);
            return putInt((int) (v >>> 32));
        }

        byte[] buffer() {
            return buf;
        }

        DataOutputStream stream() {
            return le;
        }

        static void check(IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
