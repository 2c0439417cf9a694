package io.epochdb.storage.table;

import io.epochdb.storage.vector.ArrowTypes;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Copies values between vectors of the same Arrow type. Contiguous ranges of fixed-width and variable-width
 * vectors are copied as whole buffers (the common case: appends, and scans of blocks without deleted rows);
 * everything else goes value by value through {@code copyFromSafe}.
 */
final class VectorCopy {
    private static final int OFFSET_WIDTH = BaseVariableWidthVector.OFFSET_WIDTH;

    private VectorCopy() {
    }

    /**
     * Copies {@code count} values from {@code src[srcStart..]} to {@code dst[dstStart..]}, growing {@code dst}.
     * {@code dst} must hold no values at or after {@code dstStart} (appending). The caller sets its value count.
     */
    static void copyRange(FieldVector src, int srcStart, FieldVector dst, int dstStart, int count) {
        if (count <= 0) {
            return;
        }
        if (src instanceof NullVector) {
            for (int i = 0; i < count; i++) {
                ArrowTypes.setNull(dst, dstStart + i);
            }
            return;
        }
        if (src instanceof BaseFixedWidthVector s && dst instanceof BaseFixedWidthVector d && !(src instanceof BitVector)
            && s.getTypeWidth() > 0 && s.getTypeWidth() == d.getTypeWidth()) {
            copyFixed(s, srcStart, d, dstStart, count);
        } else if (src instanceof BaseVariableWidthVector s && dst instanceof BaseVariableWidthVector d
            && d.getLastSet() == dstStart - 1) {
            copyVariable(s, srcStart, d, dstStart, count);
        } else {
            for (int i = 0; i < count; i++) {
                dst.copyFromSafe(srcStart + i, dstStart + i, src);
            }
        }
    }

    /** Copies the values at {@code rows[0..count)} (ascending) of {@code src} to {@code dst[0..count)}. */
    static void gather(FieldVector src, int[] rows, int count, FieldVector dst) {
        if (count == 0) {
            return;
        }
        if (rows[count - 1] - rows[0] == count - 1) {
            copyRange(src, rows[0], dst, 0, count);
            return;
        }
        if (src instanceof BaseFixedWidthVector s && dst instanceof BaseFixedWidthVector d && !(src instanceof BitVector)
            && s.getTypeWidth() > 0 && s.getTypeWidth() == d.getTypeWidth()) {
            gatherFixed(s, rows, count, d);
        } else if (src instanceof BaseVariableWidthVector s && dst instanceof BaseVariableWidthVector d
            && d.getLastSet() == -1) {
            gatherVariable(s, rows, count, d);
        } else {
            for (int i = 0; i < count; i++) {
                dst.copyFromSafe(rows[i], i, src);
            }
        }
    }

    /** Gather into an empty fixed-width vector: one load and store per value, validity by bits. */
    private static void gatherFixed(BaseFixedWidthVector s, int[] rows, int count, BaseFixedWidthVector d) {
        int width = s.getTypeWidth();
        while (d.getValueCapacity() < count) {
            d.reAlloc();
        }
        ArrowBuf from = s.getDataBuffer();
        ArrowBuf to = d.getDataBuffer();
        switch (width) {
            case 8 -> {
                for (int i = 0; i < count; i++) {
                    to.setLong((long) i * 8, from.getLong((long) rows[i] * 8));
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    to.setInt((long) i * 4, from.getInt((long) rows[i] * 4));
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    to.setBytes((long) i * width, from, (long) rows[i] * width, width);
                }
            }
        }
        gatherValidity(s, rows, count, d.getValidityBuffer());
    }

    /** Gather into an empty variable-width vector: sizes first, then one byte copy per value. */
    private static void gatherVariable(BaseVariableWidthVector s, int[] rows, int count, BaseVariableWidthVector d) {
        ArrowBuf srcOffsets = s.getOffsetBuffer();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            long r = rows[i];
            bytes += srcOffsets.getInt((r + 1) * OFFSET_WIDTH) - srcOffsets.getInt(r * OFFSET_WIDTH);
        }
        while (d.getValueCapacity() < count) {
            d.reallocValidityAndOffsetBuffers();
        }
        while (d.getDataBuffer().capacity() < bytes) {
            d.reallocDataBuffer();
        }
        ArrowBuf srcData = s.getDataBuffer();
        ArrowBuf dstData = d.getDataBuffer();
        ArrowBuf dstOffsets = d.getOffsetBuffer();
        int at = 0;
        dstOffsets.setInt(0, 0);
        for (int i = 0; i < count; i++) {
            long r = rows[i];
            int start = srcOffsets.getInt(r * OFFSET_WIDTH);
            int len = srcOffsets.getInt((r + 1) * OFFSET_WIDTH) - start;
            dstData.setBytes(at, srcData, start, len);
            at += len;
            dstOffsets.setInt((long) (i + 1) * OFFSET_WIDTH, at);
        }
        gatherValidity(s, rows, count, d.getValidityBuffer());
        d.setLastSet(count - 1);
    }

    private static void gatherValidity(FieldVector s, int[] rows, int count, ArrowBuf dst) {
        if (!RowConstraints.mayHaveNulls(s, count)) {
            int full = count >>> 3;
            dst.setOne(0, full);
            for (int i = full << 3; i < count; i++) {
                BitVectorHelper.setBit(dst, i);
            }
            return;
        }
        ArrowBuf src = s.getValidityBuffer();
        for (int i = 0; i < count; i++) {
            BitVectorHelper.setValidityBit(dst, i, BitVectorHelper.get(src, rows[i]));
        }
    }

    private static void copyFixed(BaseFixedWidthVector s, int srcStart, BaseFixedWidthVector d, int dstStart, int count) {
        long width = s.getTypeWidth();
        while (d.getValueCapacity() < dstStart + count) {
            d.reAlloc();
        }
        d.getDataBuffer().setBytes(dstStart * width, s.getDataBuffer(), srcStart * width, count * width);
        copyValidity(s.getValidityBuffer(), srcStart, d.getValidityBuffer(), dstStart, count);
    }

    private static void copyVariable(BaseVariableWidthVector s, int srcStart, BaseVariableWidthVector d, int dstStart,
                                     int count) {
        int srcBase = s.getStartOffset(srcStart);
        int bytes = s.getStartOffset(srcStart + count) - srcBase;
        while (d.getValueCapacity() < dstStart + count) {
            d.reallocValidityAndOffsetBuffers();
        }
        int dstBase = dstStart == 0 ? 0 : d.getStartOffset(dstStart);
        while (d.getDataBuffer().capacity() < (long) dstBase + bytes) {
            d.reallocDataBuffer();
        }
        d.getDataBuffer().setBytes(dstBase, s.getDataBuffer(), srcBase, bytes);
        ArrowBuf srcOffsets = s.getOffsetBuffer();
        ArrowBuf dstOffsets = d.getOffsetBuffer();
        dstOffsets.setInt((long) dstStart * OFFSET_WIDTH, dstBase);
        int shift = dstBase - srcBase;
        for (int i = 1; i <= count; i++) {
            dstOffsets.setInt((long) (dstStart + i) * OFFSET_WIDTH, srcOffsets.getInt((long) (srcStart + i) * OFFSET_WIDTH) + shift);
        }
        copyValidity(s.getValidityBuffer(), srcStart, d.getValidityBuffer(), dstStart, count);
        d.setLastSet(dstStart + count - 1);
    }

    private static void copyValidity(ArrowBuf src, int srcStart, ArrowBuf dst, int dstStart, int count) {
        int i = 0;
        if ((srcStart & 7) == 0 && (dstStart & 7) == 0) {
            int bytes = count >>> 3;
            dst.setBytes(dstStart >>> 3, src, srcStart >>> 3, bytes);
            i = bytes << 3;
        }
        for (; i < count; i++) {
            BitVectorHelper.setValidityBit(dst, dstStart + i, BitVectorHelper.get(src, srcStart + i));
        }
    }
}
