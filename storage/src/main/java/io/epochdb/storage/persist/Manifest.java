package io.epochdb.storage.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the last checkpoint wrote: the catalog image file, every table's (and chunk's) segment files and MVCC file
 * with their checksums, and where WAL replay starts. Replaced atomically by each checkpoint; recovery starts from
 * it.
 *
 * @param walStart the first WAL file whose records are not in this checkpoint
 * @param nextTxid transaction ids below it had started when the checkpoint was taken
 * @param inProgress those of them still running then (they count as committed only if the WAL says so)
 */
public record Manifest(int formatVersion, long checkpoint, long walStart, long nextTxid, long[] inProgress,
                       int nextChunkId, String catalogFile, long catalogCrc, Map<String, Long> sequences,
                       List<TableFiles> tables) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One table's (chunk id 0) or one hypertable chunk's files, relative to the data directory. */
    public record TableFiles(int oid, int chunkId, long start, long end, List<SegmentRef> segments, String mvccFile,
                             long mvccCrc) {
    }

    /** One block's segment file. */
    public record SegmentRef(int block, String file, int rows, long crc, int[] attnums) {
    }

    public byte[] toBytes() throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    public static Manifest read(Path file) {
        try {
            Manifest m = JSON.readValue(Files.readAllBytes(file), Manifest.class);
            if (m.formatVersion() != FORMAT_VERSION) {
                throw new IOException("format version " + m.formatVersion() + " is not supported (expected "
                    + FORMAT_VERSION + ")");
            }
            return m;
        } catch (IOException | RuntimeException e) {
            throw new EpochException(ErrorCode.DATA_CORRUPTED, "could not read manifest \"" + file + "\": "
                + e.getMessage());
        }
    }
}
