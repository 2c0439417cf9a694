package io.epochdb.exec.batch;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Builds a new vector from rows picked out of one or more source vectors of the same type (the column of several
 * batches): the copy behind sort output, filter compaction, join pairs and window gathers. Fixed-width, boolean
 * and variable-width vectors are copied with raw memory reads (no per-value bounds checks, no per-value calls);
 * other vectors (lists) go through {@code copyFromSafe}.
 */
public final class Gather {
    private Gather() {
    }

    /**
     * Row i of the result is row {@code rows[from + i]} of {@code sources[batchOf[from + i]]} ({@code batchOf} null
     * means source 0), for i in {@code [0, to - from)}.
     */
    public static FieldVector gather(FieldVector[] sources, int[] batchOf, int[] rows, int from, int to,
                                     BufferAllocator allocator) {
        int n = to - from;
        FieldVector out = sources[0].getField().createVector(allocator);
        try {
            if (out instanceof BitVector bits) {
                gatherBits(sources, batchOf, rows, from, n, bits);
            } else if (out instanceof BaseFixedWidthVector fixed) {
                gatherFixed(sources, batchOf, rows, from, n, fixed);
            } else if (out instanceof BaseVariableWidthVector var) {
                gatherVariable(sources, batchOf, rows, from, n, var);
            } else {
                out.setInitialCapacity(Math.max(n, 1));
                out.allocateNew();
                for (int i = 0; i < n; i++) {
                    int b = batchOf == null ? 0 : batchOf[from + i];
                    out.copyFromSafe(rows[from + i], i, sources[b]);
                }
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    /** Rows {@code sel[0..n)} of one vector. */
    public static FieldVector select(FieldVector source, int[] sel, int n, BufferAllocator allocator) {
        return gather(new FieldVector[] {source}, null, sel, 0, n, allocator);
    }

    private static boolean valid(long validityAddr, int row) {
        return ((MemoryUtil.getByte(validityAddr + (row >>> 3)) >> (row & 7)) & 1) != 0;
    }

    private static void setValid(long validityAddr, int row) {
        long a = validityAddr + (row >>> 3);
        MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) | (1 << (row & 7))));
    }

    private static long[] addresses(FieldVector[] sources, boolean data) {
        long[] a = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            a[i] = data ? sources[i].getDataBuffer().memoryAddress() : sources[i].getValidityBuffer().memoryAddress();
        }
        return a;
    }

    private static void gatherFixed(FieldVector[] sources, int[] batchOf, int[] rows, int from, int n,
                                    BaseFixedWidthVector out) {
        out.allocateNew(Math.max(n, 1));
        int w = out.getTypeWidth();
        long[] data = addresses(sources, true);
        long[] validity = addresses(sources, false);
        long outData = out.getDataBuffer().memoryAddress();
        long outValidity = out.getValidityBuffer().memoryAddress();
        for (int i = 0; i < n; i++) {
            int b = batchOf == null ? 0 : batchOf[from + i];
            int r = rows[from + i];
            if (!valid(validity[b], r)) {
                continue;
            }
            long src = data[b] + (long) r * w;
            long dst = outData + (long) i * w;
            switch (w) {
                case 8 -> MemoryUtil.putLong(dst, MemoryUtil.getLong(src));
                case 4 -> MemoryUtil.putInt(dst, MemoryUtil.getInt(src));
                case 2 -> MemoryUtil.putShort(dst, MemoryUtil.getShort(src));
                case 1 -> MemoryUtil.putByte(dst, MemoryUtil.getByte(src));
                default -> MemoryUtil.copyMemory(src, dst, w);
            }
            setValid(outValidity, i);
        }
    }

    private static void gatherBits(FieldVector[] sources, int[] batchOf, int[] rows, int from, int n, BitVector out) {
        out.allocateNew(Math.max(n, 1));
        long[] data = addresses(sources, true);
        long[] validity = addresses(sources, false);
        long outData = out.getDataBuffer().memoryAddress();
        long outValidity = out.getValidityBuffer().memoryAddress();
        for (int i = 0; i < n; i++) {
            int b = batchOf == null ? 0 : batchOf[from + i];
            int r = rows[from + i];
            if (!valid(validity[b], r)) {
                continue;
            }
            if (valid(data[b], r)) {
                setValid(outData, i);
            }
            setValid(outValidity, i);
        }
    }

    private static void gatherVariable(FieldVector[] sources, int[] batchOf, int[] rows, int from, int n,
                                       BaseVariableWidthVector out) {
        long[] offsets = new long[sources.length];
        long[] data = new long[sources.length];
        long[] validity = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            FieldVector s = sources[i];
            offsets[i] = s.getOffsetBuffer().memoryAddress();
            data[i] = s.getDataBuffer().memoryAddress();
            validity[i] = s.getValidityBuffer().memoryAddress();
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            int b = batchOf == null ? 0 : batchOf[from + i];
            int r = rows[from + i];
            if (valid(validity[b], r)) {
                long o = offsets[b] + (long) r * 4;
                total += MemoryUtil.getInt(o + 4) - MemoryUtil.getInt(o);
            }
        }
        out.allocateNew(Math.max(total, 1), Math.max(n, 1));
        long outOffsets = out.getOffsetBuffer().memoryAddress();
        long outData = out.getDataBuffer().memoryAddress();
        long outValidity = out.getValidityBuffer().memoryAddress();
        int pos = 0;
        MemoryUtil.putInt(outOffsets, 0);
        for (int i = 0; i < n; i++) {
            int b = batchOf == null ? 0 : batchOf[from + i];
            int r = rows[from + i];
            if (valid(validity[b], r)) {
                long o = offsets[b] + (long) r * 4;
                int start = MemoryUtil.getInt(o);
                int len = MemoryUtil.getInt(o + 4) - start;
                if (len > 0) {
                    MemoryUtil.copyMemory(data[b] + start, outData + pos, len);
                }
                pos += len;
                setValid(outValidity, i);
            }
            MemoryUtil.putInt(outOffsets + (long) (i + 1) * 4, pos);
        }
        out.setLastSet(n - 1);
    }
}
