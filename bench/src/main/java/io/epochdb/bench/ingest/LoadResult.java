package io.epochdb.bench.ingest;

import static java.util.Objects.requireNonNull;

/** What loading one system measured: rows confirmed, wall seconds of the COPYs, bytes on disk (-1 if unknown). */
public record LoadResult(String system, long rows, double seconds, long bytesOnDisk, String note) {
    public LoadResult {
        requireNonNull(system, "system");
        requireNonNull(note, "note");
    }

    double rowsPerSecond() {
        return rows / seconds;
    }

    /** Bytes per row, or NaN when the size is unknown. */
    double bytesPerRow() {
        return bytesOnDisk < 0 ? Double.NaN : (double) bytesOnDisk / rows;
    }
}
