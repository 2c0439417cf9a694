package io.epochdb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Naming and header of WAL files. */
public final class WalFiles {
    /** "EPWAL" + format version 1, at the start of every file, followed by the file's sequence number. */
    static final long MAGIC = 0x4550_5741_4C00_0001L;
    static final int HEADER_BYTES = 16;
    /** Record framing: body length (int), CRC32C of type + body (int), type (byte). */
    static final int RECORD_HEADER_BYTES = 9;
    /** Larger lengths can only come from a torn or corrupt header. */
    static final int MAX_RECORD_BYTES = 1 << 30;

    private WalFiles() {
    }

    public static Path file(Path walDir, long sequence) {
        return walDir.resolve(String.format("%016d.wal", sequence));
    }

    /** Sequence numbers of the WAL files in {@code walDir}, ascending. */
    public static List<Long> sequences(Path walDir) throws IOException {
        List<Long> out = new ArrayList<>();
        if (!Files.isDirectory(walDir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(walDir, "*.wal")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                try {
                    out.add(Long.parseLong(n.substring(0, n.length() - 4)));
                } catch (NumberFormatException e) {
                    // not ours
                }
            }
        }
        out.sort(null);
        return out;
    }

    static ByteBuffer header(long sequence) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(MAGIC).putLong(sequence).flip();
        return b;
    }
}
