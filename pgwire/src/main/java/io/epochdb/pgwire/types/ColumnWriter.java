package io.epochdb.pgwire.types;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.types.FloatText;
import io.epochdb.storage.vector.ArrowTypes;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writes one result column's values into DataRow messages: the int32 length (-1 for NULL) and the value in text or
 * binary format. Made once per column per result; the common types are read straight from the vector, the long
 * tail goes through the boxed value and the codecs.
 */
public final class ColumnWriter {
    private final ColumnType type;
    private final SqlType sqlType;
    private final boolean binary;
    private final ZoneId zone;
    /**
     * The last timestamp/date written as text and its bytes: time-series results repeat a bucket's time on
     * consecutive rows (one per series), and formatting a timestamp is the costly part of a DataRow.
     */
    private long lastTemporal;
    private byte[] lastTemporalText;

    /** The session zone's offset in seconds when it never changes (UTC), else null. */
    private final Integer fixedOffset;
    /** Text of one value on its way into the output buffer (timestamps, and strings into a direct buffer). */
    private byte[] scratch = new byte[64];
    /** Strings longer than this go straight into the buffer rather than growing the scratch array. */
    private static final int LARGE_TEXT = 4096;

    public ColumnWriter(ColumnType type, boolean binary, ZoneId zone) {
        this.type = Objects.requireNonNull(type, "type");
        this.sqlType = type.type();
        this.binary = binary && BinaryCodec.supports(sqlType);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.fixedOffset = zone.getRules().isFixedOffset()
            ? zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() : null;
    }

    /** The format code this column really uses (binary is refused for types without a binary format). */
    public short formatCode() {
        return (short) (binary ? 1 : 0);
    }

    public void write(ByteBuf out, FieldVector vector, int row) {
        if (vector.isNull(row)) {
            out.writeInt(-1);
            return;
        }
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        if (binary) {
            writeBinary(out, vector, row);
        } else {
            writeText(out, vector, row);
        }
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }

    private void writeBinary(ByteBuf out, FieldVector v, int row) {
        switch (sqlType) {
            case INT2 -> out.writeShort(((SmallIntVector) v).get(row));
            case INT4 -> out.writeInt(((IntVector) v).get(row));
            case INT8 -> out.writeLong(((BigIntVector) v).get(row));
            case FLOAT4 -> out.writeFloat(((Float4Vector) v).get(row));
            case FLOAT8 -> out.writeDouble(((Float8Vector) v).get(row));
            case BOOL -> out.writeByte(((BitVector) v).get(row));
            case TIMESTAMP, TIMESTAMPTZ -> out.writeLong(BinaryCodec.toPgTimestamp(((TimeStampVector) v).get(row)));
            case TEXT, VARCHAR, BPCHAR, NAME, JSON -> copyUtf8(out, (VarCharVector) v, row);
            default -> BinaryCodec.write(out, ArrowTypes.get(v, row, sqlType), sqlType);
        }
    }

    private void writeText(ByteBuf out, FieldVector v, int row) {
        switch (sqlType) {
            case INT2 -> writeDecimal(out, ((SmallIntVector) v).get(row));
            case INT4 -> writeDecimal(out, ((IntVector) v).get(row));
            case INT8 -> writeDecimal(out, ((BigIntVector) v).get(row));
            case BOOL -> out.writeByte(((BitVector) v).get(row) != 0 ? 't' : 'f');
            // NUMERIC vectors hold BigDecimal.toPlainString(), which is also its PostgreSQL text form
            case TEXT, VARCHAR, BPCHAR, NAME, JSON, JSONB, NUMERIC -> copyUtf8(out, (VarCharVector) v, row);
            case TIMESTAMP, TIMESTAMPTZ -> writeTemporal(out, ((TimeStampVector) v).get(row));
            case DATE -> writeTemporal(out, ((DateDayVector) v).get(row));
            // the String's Latin-1 bytes copy as one array; Netty's writeCharSequence goes a char at a time
            case FLOAT8 -> out.writeBytes(FloatText.format(((Float8Vector) v).get(row)).getBytes(StandardCharsets.ISO_8859_1));
            default -> out.writeCharSequence(TextCodec.format(ArrowTypes.get(v, row, sqlType), type, zone),
                StandardCharsets.UTF_8);
        }
    }

    private void writeTemporal(ByteBuf out, long value) {
        boolean direct = sqlType == SqlType.TIMESTAMP || sqlType == SqlType.TIMESTAMPTZ && fixedOffset != null;
        if (direct && (lastTemporalText == null || value != lastTemporal)) {
            // no repeat to reuse: write the digits directly (timestamp, or timestamptz in a fixed-offset zone)
            int offset = sqlType == SqlType.TIMESTAMPTZ ? fixedOffset : 0;
            if (IsoTimestampWriter.write(out, scratch, value + offset * 1_000_000L, sqlType == SqlType.TIMESTAMPTZ, offset)) {
                return;
            }
        }
        if (lastTemporalText == null || value != lastTemporal) {
            Object boxed = sqlType == SqlType.DATE ? (Object) (int) value : (Object) value;
            lastTemporalText = TextCodec.format(boxed, type, zone).getBytes(StandardCharsets.US_ASCII);
            lastTemporal = value;
        }
        out.writeBytes(lastTemporalText);
    }

    private void copyUtf8(ByteBuf out, VarCharVector v, int row) {
        ArrowBuf offsets = v.getOffsetBuffer();
        int start = offsets.getInt((long) row * VarCharVector.OFFSET_WIDTH);
        int end = offsets.getInt((long) (row + 1) * VarCharVector.OFFSET_WIDTH);
        int len = end - start;
        ArrowBuf data = v.getDataBuffer();
        if (out.hasArray() || len > LARGE_TEXT) {
            out.ensureWritable(len);
            int at = out.writerIndex();
            if (out.hasArray()) {
                data.getBytes(start, out.array(), out.arrayOffset() + at, len);
            } else {
                data.getBytes(start, out.nioBuffer(at, len));
            }
            out.writerIndex(at + len);
            return;
        }
        // through a reused array: a direct buffer's nioBuffer(at, len) would allocate a ByteBuffer per value
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        data.getBytes(start, scratch, 0, len);
        out.writeBytes(scratch, 0, len);
    }

    /** Decimal digits of a long without a String. */
    static void writeDecimal(ByteBuf out, long value) {
        if (value == Long.MIN_VALUE) {
            out.writeCharSequence("-9223372036854775808", StandardCharsets.US_ASCII);
            return;
        }
        if (value < 0) {
            out.writeByte('-');
            value = -value;
        }
        long div = 1;
        while (div <= value / 10) {
            div *= 10;
        }
        while (div > 0) {
            out.writeByte((int) ('0' + value / div % 10));
            div /= 10;
        }
    }
}
