package io.epochdb.bench.ingest;

import io.epochdb.bench.tsbs.CpuOnlyGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams a generator's rows as CSV through pgjdbc's COPY sub-protocol, one client, {@code batchRows} rows per COPY
 * statement (TSBS loads in batches of 10,000 by default; 0 means everything in one COPY). Rows are encoded into a
 * reused 64 KiB buffer, so the data set never sits in client memory.
 */
final class CopyLoader {
    private static final int FLUSH_BYTES = 64 * 1024;

    private CopyLoader() {
    }

    /** Loads every remaining row of {@code generator} into {@code table}; returns the rows the server confirmed. */
    static long load(Connection c, String table, CpuOnlyGenerator generator, int batchRows) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + table + " FROM STDIN WITH (FORMAT csv)";
        StringBuilder text = new StringBuilder(FLUSH_BYTES + 1024);
        byte[] bytes = new byte[FLUSH_BYTES + 1024];
        long confirmed = 0;
        boolean more = generator.next();
        while (more) {
            CopyIn in = copy.copyIn(sql);
            long sent = 0;
            try {
                while (more && (batchRows <= 0 || sent < batchRows)) {
                    generator.appendCsv(text);
                    sent++;
                    if (text.length() >= FLUSH_BYTES) {
                        bytes = flush(in, text, bytes);
                    }
                    more = generator.next();
                }
                bytes = flush(in, text, bytes);
                long rows = in.endCopy();
                if (rows != sent) {
                    throw new IllegalStateException("COPY confirmed " + rows + " rows, sent " + sent);
                }
                confirmed += rows;
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
        return confirmed;
    }

    /**
     * Generates and encodes {@code rows} rows into a discarded buffer, so the first system loaded does not pay for
     * the client's JIT warm-up that later ones get for free. Returns a checksum so the work is not optimized away.
     */
    static long warmUp(CpuOnlyGenerator generator, long rows) {
        StringBuilder text = new StringBuilder(FLUSH_BYTES + 1024);
        long checksum = 0;
        for (long r = 0; r < rows && generator.next(); r++) {
            generator.appendCsv(text);
            if (text.length() >= FLUSH_BYTES) {
                for (int i = 0; i < text.length(); i++) {
                    checksum += (byte) text.charAt(i);
                }
                text.setLength(0);
            }
        }
        return checksum;
    }

    /** Sends the buffered text (ASCII only: timestamps, tags, integers) and empties it. */
    private static byte[] flush(CopyIn in, StringBuilder text, byte[] bytes) throws SQLException {
        int n = text.length();
        if (n == 0) {
            return bytes;
        }
        byte[] out = bytes.length >= n ? bytes : new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) text.charAt(i);
        }
        in.writeToCopy(out, 0, n);
        text.setLength(0);
        return out;
    }
}
