package io.epochdb.storage.vector;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.holders.NullableIntervalMonthDayNanoHolder;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The one mapping from SQL types to Arrow vectors, used by storage, exec and pgwire alike.
 *
 * <pre>
 * BOOL Bit · INT2 SmallInt · INT4/OID/REG* Int · INT8 BigInt · FLOAT4 Float4 · FLOAT8 Float8
 * NUMERIC VarChar holding the exact decimal text (BigDecimal.toPlainString), because PostgreSQL's unconstrained
 *   numeric has no fixed scale and Arrow's decimals do
 * TEXT/VARCHAR/BPCHAR/NAME/JSON/JSONB/UNKNOWN VarChar · BYTEA VarBinary · UUID FixedSizeBinary(16)
 * DATE DateDay · TIME TimeMicro · TIMESTAMP TimeStampMicro · TIMESTAMPTZ TimeStampMicroTZ("UTC")
 * INTERVAL IntervalMonthDayNano (nanos = micros * 1000) · arrays List of the element mapping
 * </pre>
 *
 * <p>The boxed {@link #get}/{@link #set} accessors are for cold paths (literals, VALUES, catalog rows, codecs'
 * fallbacks); hot loops cast to the concrete vector class instead.
 */
public final class ArrowTypes {
    private ArrowTypes() {
    }

    public static ArrowType arrowType(SqlType t) {
        switch (t) {
            case BOOL:
                return ArrowType.Bool.INSTANCE;
            case INT2:
                return new ArrowType.Int(16, true);
            case INT4:
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
                return new ArrowType.Int(32, true);
            case INT8:
                return new ArrowType.Int(64, true);
            case FLOAT4:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT8:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BYTEA:
                return ArrowType.Binary.INSTANCE;
            case UUID:
                return new ArrowType.FixedSizeBinary(16);
            case DATE:
                return new ArrowType.Date(DateUnit.DAY);
            case TIME:
                return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case TIMESTAMP:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case TIMESTAMPTZ:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            case INTERVAL:
                return new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO);
            default:
                if (t.isArray()) {
                    return ArrowType.List.INSTANCE;
                }
                return ArrowType.Utf8.INSTANCE;
        }
    }

    public static Field field(String name, ColumnType type) {
        SqlType t = type.type();
        if (t.isArray()) {
            Field element = field("$data$", ColumnType.of(t.element()));
            return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
        }
        return new Field(name, FieldType.nullable(arrowType(t)), null);
    }

    public static FieldVector newVector(String name, ColumnType type, BufferAllocator allocator) {
        return field(name, type).createVector(allocator);
    }

    /** Allocates a vector with room for {@code rows} values (value count still 0). */
    public static FieldVector newVector(String name, ColumnType type, BufferAllocator allocator, int rows) {
        FieldVector v = newVector(name, type, allocator);
        v.setInitialCapacity(Math.max(rows, 1));
        v.allocateNew();
        return v;
    }

    /** Reads one value as the Java object {@link SqlType} documents, or null. */
    public static Object get(FieldVector v, int row, SqlType t) {
        if (v.isNull(row)) {
            return null;
        }
        switch (t) {
            case BOOL:
                return ((BitVector) v).get(row) != 0;
            case INT2:
                return ((SmallIntVector) v).get(row);
            case INT4:
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
                return ((IntVector) v).get(row);
            case INT8:
                return ((BigIntVector) v).get(row);
            case FLOAT4:
                return ((Float4Vector) v).get(row);
            case FLOAT8:
                return ((Float8Vector) v).get(row);
            case NUMERIC:
                return new BigDecimal(new String(((VarCharVector) v).get(row), StandardCharsets.UTF_8));
            case BYTEA:
                return ((VarBinaryVector) v).get(row);
            case UUID: {
                ByteBuffer b = ByteBuffer.wrap(((FixedSizeBinaryVector) v).get(row));
                return new UUID(b.getLong(), b.getLong());
            }
            case DATE:
                return ((DateDayVector) v).get(row);
            case TIME:
                return ((TimeMicroVector) v).get(row);
            case TIMESTAMP:
                return ((TimeStampMicroVector) v).get(row);
            case TIMESTAMPTZ:
                return ((TimeStampMicroTZVector) v).get(row);
            case INTERVAL: {
                NullableIntervalMonthDayNanoHolder h = new NullableIntervalMonthDayNanoHolder();
                ((IntervalMonthDayNanoVector) v).get(row, h);
                return new Interval(h.months, h.days, h.nanoseconds / 1000);
            }
            default:
                if (t.isArray()) {
                    ListVector lv = (ListVector) v;
                    int start = lv.getElementStartIndex(row);
                    int end = lv.getElementEndIndex(row);
                    FieldVector data = (FieldVector) lv.getDataVector();
                    List<Object> out = new ArrayList<>(end - start);
                    for (int i = start; i < end; i++) {
                        out.add(get(data, i, t.element()));
                    }
                    return out;
                }
                return new String(((VarCharVector) v).get(row), StandardCharsets.UTF_8);
        }
    }

    /** Writes one value (Java object per {@link SqlType}, or null), growing the vector as needed. */
    public static void set(FieldVector v, int row, Object value, SqlType t) {
        if (value == null) {
            if (t.isArray()) {
                ListVector lv = (ListVector) v;
                while (row >= lv.getValueCapacity()) {
                    lv.reAlloc();
                }
                lv.setNull(row);
                return;
            }
            setNull(v, row);
            return;
        }
        switch (t) {
            case BOOL:
                ((BitVector) v).setSafe(row, ((Boolean) value) ? 1 : 0);
                return;
            case INT2:
                ((SmallIntVector) v).setSafe(row, ((Number) value).shortValue());
                return;
            case INT4:
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
                ((IntVector) v).setSafe(row, ((Number) value).intValue());
                return;
            case INT8:
                ((BigIntVector) v).setSafe(row, ((Number) value).longValue());
                return;
            case FLOAT4:
                ((Float4Vector) v).setSafe(row, ((Number) value).floatValue());
                return;
            case FLOAT8:
                ((Float8Vector) v).setSafe(row, ((Number) value).doubleValue());
                return;
            case NUMERIC: {
                BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                ((VarCharVector) v).setSafe(row, d.toPlainString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            case BYTEA:
                ((VarBinaryVector) v).setSafe(row, (byte[]) value);
                return;
            case UUID: {
                UUID u = (UUID) value;
                ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
                ((FixedSizeBinaryVector) v).setSafe(row, b.array());
                return;
            }
            case DATE:
                ((DateDayVector) v).setSafe(row, ((Number) value).intValue());
                return;
            case TIME:
                ((TimeMicroVector) v).setSafe(row, ((Number) value).longValue());
                return;
            case TIMESTAMP:
                ((TimeStampMicroVector) v).setSafe(row, ((Number) value).longValue());
                return;
            case TIMESTAMPTZ:
                ((TimeStampMicroTZVector) v).setSafe(row, ((Number) value).longValue());
                return;
            case INTERVAL: {
                Interval iv = (Interval) value;
                ((IntervalMonthDayNanoVector) v).setSafe(row, iv.months(), iv.days(), Math.multiplyExact(iv.micros(), 1000L));
                return;
            }
            default:
                if (t.isArray()) {
                    ListVector lv = (ListVector) v;
                    List<?> items = (List<?>) value;
                    int start = lv.startNewValue(row);
                    FieldVector data = (FieldVector) lv.getDataVector();
                    for (int i = 0; i < items.size(); i++) {
                        set(data, start + i, items.get(i), t.element());
                    }
                    data.setValueCount(Math.max(data.getValueCount(), start + items.size()));
                    lv.endValue(row, items.size());
                    return;
                }
                if (!(value instanceof String)) {
                    throw new EpochException(ErrorCode.INTERNAL_ERROR, "expected text value for " + t + ", got " + value.getClass().getSimpleName());
                }
                ((VarCharVector) v).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Marks a row null, growing fixed-width vectors as needed. */
    public static void setNull(FieldVector v, int row) {
        while (row >= v.getValueCapacity()) {
            v.reAlloc();
        }
        if (v instanceof org.apache.arrow.vector.BaseFixedWidthVector f) {
            f.setNull(row);
        } else if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector w) {
            w.setNull(row);
        } else if (v instanceof ListVector l) {
            l.setNull(row);
        } else {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "cannot set null on " + v.getClass().getSimpleName());
        }
    }
}
