package io.epochdb.pgwire.types;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's binary (send/recv) formats. Values are Java objects per {@link SqlType}'s convention; epochs are
 * shifted between 1970-01-01 (ours) and 2000-01-01 (PostgreSQL's).
 */
public final class BinaryCodec {
    /** Days from 1970-01-01 to 2000-01-01. */
    public static final int PG_EPOCH_DAYS = 10_957;
    public static final long PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400_000_000L;

    private static final int NUMERIC_POS = 0x0000;
    private static final int NUMERIC_NEG = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private BinaryCodec() {
    }

    /** Whether we have a binary format for the type (else a client asking for binary gets text semantics refused). */
    public static boolean supports(SqlType t) {
        if (t.isArray()) {
            return supports(t.element());
        }
        switch (t) {
            case UNKNOWN, VOID, RECORD:
                return false;
            default:
                return true;
        }
    }

    /** Writes the value's bytes (without the length word). */
    public static void write(ByteBuf out, Object value, SqlType t) {
        if (t.isArray()) {
            writeArray(out, (List<?>) value, t.element());
            return;
        }
        switch (t) {
            case BOOL -> out.writeByte(((Boolean) value) ? 1 : 0);
            case INT2 -> out.writeShort(((Number) value).shortValue());
            case INT4, OID, REGCLASS, REGTYPE, REGPROC -> out.writeInt(((Number) value).intValue());
            case INT8 -> out.writeLong(((Number) value).longValue());
            case FLOAT4 -> out.writeFloat(((Number) value).floatValue());
            case FLOAT8 -> out.writeDouble(((Number) value).doubleValue());
            case NUMERIC -> writeNumeric(out, value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
            case BYTEA -> out.writeBytes((byte[]) value);
            case UUID -> {
                UUID u = (UUID) value;
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            case DATE -> out.writeInt(toPgDate(((Number) value).intValue()));
            case TIME -> out.writeLong(((Number) value).longValue());
            case TIMESTAMP, TIMESTAMPTZ -> out.writeLong(toPgTimestamp(((Number) value).longValue()));
            case INTERVAL -> {
                Interval iv = (Interval) value;
                out.writeLong(iv.micros());
                out.writeInt(iv.days());
                out.writeInt(iv.months());
            }
            case JSONB -> {
                out.writeByte(1);
                out.writeCharSequence(value.toString(), StandardCharsets.UTF_8);
            }
            default -> out.writeCharSequence(value.toString(), StandardCharsets.UTF_8);
        }
    }

    /** Reads a whole value from {@code in} (all its readable bytes). */
    public static Object read(ByteBuf in, SqlType t) {
        try {
            Object v = readValue(in, t);
            if (in.isReadable()) {
                throw new EpochException(ErrorCode.INVALID_BINARY_REPRESENTATION,
                    "incorrect binary data format in bind parameter");
            }
            return v;
        } catch (IndexOutOfBoundsException e) {
            throw new EpochException(ErrorCode.INVALID_BINARY_REPRESENTATION, "insufficient data left in message");
        }
    }

    private static Object readValue(ByteBuf in, SqlType t) {
        if (t.isArray()) {
            return readArray(in, t.element());
        }
        switch (t) {
            case BOOL:
                return in.readByte() != 0;
            case INT2:
                return in.readShort();
            case INT4, OID, REGCLASS, REGTYPE, REGPROC:
                return in.readInt();
            case INT8:
                return in.readLong();
            case FLOAT4:
                return in.readFloat();
            case FLOAT8:
                return in.readDouble();
            case NUMERIC:
                return readNumeric(in);
            case BYTEA: {
                byte[] b = new byte[in.readableBytes()];
                in.readBytes(b);
                return b;
            }
            case UUID:
                return new UUID(in.readLong(), in.readLong());
            case DATE:
                return fromPgDate(in.readInt());
            case TIME:
                return in.readLong();
            case TIMESTAMP, TIMESTAMPTZ:
                return fromPgTimestamp(in.readLong());
            case INTERVAL: {
                long micros = in.readLong();
                int days = in.readInt();
                int months = in.readInt();
                return new Interval(months, days, micros);
            }
            case JSONB: {
                byte version = in.readByte();
                if (version != 1) {
                    throw new EpochException(ErrorCode.INVALID_BINARY_REPRESENTATION, "unsupported jsonb version number " + version);
                }
                return readString(in);
            }
            default:
                return readString(in);
        }
    }

    private static String readString(ByteBuf in) {
        String s = in.toString(in.readerIndex(), in.readableBytes(), StandardCharsets.UTF_8);
        in.skipBytes(in.readableBytes());
        return s;
    }

    public static int toPgDate(int epochDays) {
        if (epochDays == Integer.MAX_VALUE || epochDays == Integer.MIN_VALUE) {
            return epochDays;
        }
        return epochDays - PG_EPOCH_DAYS;
    }

    public static int fromPgDate(int pgDays) {
        if (pgDays == Integer.MAX_VALUE || pgDays == Integer.MIN_VALUE) {
            return pgDays;
        }
        return pgDays + PG_EPOCH_DAYS;
    }

    /** Infinity (Long.MAX/MIN_VALUE) is kept as is, as PostgreSQL encodes it. */
    public static long toPgTimestamp(long epochMicros) {
        if (epochMicros == Long.MAX_VALUE || epochMicros == Long.MIN_VALUE) {
            return epochMicros;
        }
        return epochMicros - PG_EPOCH_MICROS;
    }

    public static long fromPgTimestamp(long pgMicros) {
        if (pgMicros == Long.MAX_VALUE || pgMicros == Long.MIN_VALUE) {
            return pgMicros;
        }
        return pgMicros + PG_EPOCH_MICROS;
    }

    /** numeric: ndigits, weight, sign, dscale (int16 each), then base-10000 digits, most significant first. */
    static void writeNumeric(ByteBuf out, BigDecimal d) {
        int dscale = Math.max(d.scale(), 0);
        if (d.signum() == 0) {
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(NUMERIC_POS);
            out.writeShort(dscale);
            return;
        }
        BigDecimal abs = d.abs();
        if (abs.scale() < 0) {
            abs = abs.setScale(0);
        }
        String plain = abs.toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
        intPart = intPart.replaceFirst("^0+", "");
        int intPad = (4 - intPart.length() % 4) % 4;
        int fracPad = (4 - fracPart.length() % 4) % 4;
        String digits = "0".repeat(intPad) + intPart + fracPart + "0".repeat(fracPad);
        int groups = digits.length() / 4;
        short[] g = new short[groups];
        for (int i = 0; i < groups; i++) {
            g[i] = Short.parseShort(digits.substring(i * 4, i * 4 + 4));
        }
        int weight = (intPart.length() + intPad) / 4 - 1;
        int first = 0;
        while (first < groups && g[first] == 0) {
            first++;
            weight--;
        }
        int last = groups;
        while (last > first && g[last - 1] == 0) {
            last--;
        }
        out.writeShort(last - first);
        out.writeShort(weight);
        out.writeShort(d.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS);
        out.writeShort(dscale);
        for (int i = first; i < last; i++) {
            out.writeShort(g[i]);
        }
    }

    static BigDecimal readNumeric(ByteBuf in) {
        int ndigits = in.readShort();
        int weight = in.readShort();
        int sign = in.readShort() & 0xFFFF;
        int dscale = in.readShort();
        if (sign == NUMERIC_NAN || (sign != NUMERIC_POS && sign != NUMERIC_NEG)) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "numeric NaN and infinity are not supported");
        }
        if (ndigits < 0 || dscale < 0) {
            throw new EpochException(ErrorCode.INVALID_BINARY_REPRESENTATION, "invalid length in external \"numeric\" value");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            int digit = in.readShort();
            if (digit < 0 || digit >= 10_000) {
                throw new EpochException(ErrorCode.INVALID_BINARY_REPRESENTATION, "invalid digit in external \"numeric\" value");
            }
            unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
        }
        // value = unscaled * 10000^(weight - ndigits + 1)
        int scale = (ndigits - weight - 1) * 4;
        BigDecimal v = new BigDecimal(unscaled, scale);
        if (sign == NUMERIC_NEG) {
            v = v.negate();
        }
        return v.setScale(dscale, RoundingMode.HALF_UP);
    }

    /** Array header: ndim, has-null flag, element OID, then (size, lower bound) per dimension; then the elements. */
    private static void writeArray(ByteBuf out, List<?> items, SqlType element) {
        boolean hasNull = items.contains(null);
        out.writeInt(items.isEmpty() ? 0 : 1);
        out.writeInt(hasNull ? 1 : 0);
        out.writeInt(element.oid());
        if (items.isEmpty()) {
            return;
        }
        out.writeInt(items.size());
        out.writeInt(1);
        for (Object item : items) {
            if (item == null) {
                out.writeInt(-1);
                continue;
            }
            int at = out.writerIndex();
            out.writeInt(0);
            write(out, item, element);
            out.setInt(at, out.writerIndex() - at - 4);
        }
    }

    private static List<Object> readArray(ByteBuf in, SqlType element) {
        int ndim = in.readInt();
        in.readInt(); // has-null flag: nulls are seen element by element
        int elementOid = in.readInt();
        if (ndim == 0) {
            return new ArrayList<>();
        }
        if (ndim != 1) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
        }
        SqlType sent = SqlType.byOid(elementOid);
        if (sent != null && sent != element) {
            throw new EpochException(ErrorCode.DATATYPE_MISMATCH,
                "binary data has array element type " + elementOid + " (" + sent.typname() + ") instead of expected "
                    + element.oid() + " (" + element.typname() + ")");
        }
        int size = in.readInt();
        in.readInt(); // lower bound
        if (size < 0 || size > in.readableBytes() / 4) {
            throw new EpochException(ErrorCode.INVALID_BINARY_REPRESENTATION, "insufficient data left in message");
        }
        List<Object> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int len = in.readInt();
            if (len == -1) {
                out.add(null);
                continue;
            }
            out.add(read(in.readSlice(len), element));
        }
        return out;
    }

    /** Convenience for tests and COPY: the value's bytes as an array. */
    public static byte[] toBytes(Object value, ColumnType type) {
        ByteBuf b = io.netty.buffer.Unpooled.buffer();
        try {
            write(b, value, type.type());
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            return out;
        } finally {
            b.release();
        }
    }
}
