package io.epochdb.exec.scan;

/**
 * What exclusion did for one scan in one execution. Chunks count distinct chunk ids over the snapshot's parts (a
 * chunk is kept when any of its parts is); a plain table has no chunks (both zero).
 */
public record ScanReport(int partsKept, int partsTotal, int chunksKept, int chunksTotal) {
}
