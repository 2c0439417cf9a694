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
        for (int i = 0; i < count; i++) {
            dst.copyFromSafe(rows[i], i, src);
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
