package io.epochdb.storage.wal;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Reads WAL files in order. The end of the last file may hold a torn record (the crash happened while it was
 * written, so it was never acknowledged): reading stops there and {@link #read} reports where, so the caller can
 * cut it off. A bad record anywhere else means the log is corrupt and fails with an error naming the file.
 */
public final class WalReader {
    private WalReader() {
    }

    /** Where the valid records of a file end. */
    public record End(long fileSequence, long validBytes, boolean torn) {
    }

    /**
     * Feeds every valid record of file {@code sequence} to {@code sink}.
     *
     * @param last whether this is the newest file (the only one allowed a torn tail)
     */
    public static End read(Path walDir, long sequence, boolean last, Consumer<WalRecord> sink) throws IOException {
        Path file = WalFiles.file(walDir, sequence);
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] head = new byte[WalFiles.HEADER_BYTES];
            if (size < WalFiles.HEADER_BYTES) {
                if (last) {
                    return new End(sequence, 0, true);
                }
                throw corrupt(file, 0, "file shorter than its header");
            }
            in.readFully(head);
            ByteBuffer hb = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            if (hb.getLong() != WalFiles.MAGIC || hb.getLong() != sequence) {
                throw corrupt(file, 0, "not an EpochDB WAL file of this sequence");
            }
            long offset = WalFiles.HEADER_BYTES;
            byte[] rh = new byte[WalFiles.RECORD_HEADER_BYTES];
            CRC32C crc = new CRC32C();
            while (offset < size) {
                String problem = null;
                byte[] body = null;
                byte type = 0;
                if (size - offset < WalFiles.RECORD_HEADER_BYTES) {
                    problem = "truncated record header";
                } else {
                    in.readFully(rh);
                    ByteBuffer b = ByteBuffer.wrap(rh).order(ByteOrder.LITTLE_ENDIAN);
                    int len = b.getInt();
                    int expected = b.getInt();
                    type = b.get();
                    if (len < 0 || len > WalFiles.MAX_RECORD_BYTES
                        || size - offset - WalFiles.RECORD_HEADER_BYTES < len) {
                        problem = "truncated record";
                    } else {
                        body = new byte[len];
                        try {
                            in.readFully(body);
                        } catch (EOFException e) {
                            problem = "truncated record";
                        }
                        if (problem == null) {
                            crc.reset();
                            crc.update(type);
                            crc.update(body);
                            if ((int) crc.getValue() != expected) {
                                problem = "CRC mismatch";
                            }
                        }
                    }
                }
                if (problem != null) {
                    if (last) {
                        return new End(sequence, offset, true);
                    }
                    throw corrupt(file, offset, problem);
                }
                sink.accept(new WalRecord(type, body, sequence, offset));
                offset += WalFiles.RECORD_HEADER_BYTES + body.length;
            }
            return new End(sequence, offset, false);
        }
    }

    private static EpochException corrupt(Path file, long offset, String problem) {
        return new EpochException(ErrorCode.DATA_CORRUPTED,
            "WAL file \"" + file + "\" is corrupt at offset " + offset + ": " + problem);
    }
}
