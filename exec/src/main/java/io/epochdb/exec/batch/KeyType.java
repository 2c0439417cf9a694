package io.epochdb.exec.batch;

import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * Hashing, equality and ordering of one column's non-null values, read straight from Arrow buffers (no boxing for
 * integers, floats, temporals, text and bytea). Chosen once per column so hot loops make one virtual call per
 * value. Callers handle nulls themselves (NULLs group together and sort by the key's NULLS FIRST/LAST).
 *
 * <p>Semantics follow PostgreSQL's default operator classes: floats treat -0 = 0 and NaN = NaN with NaN above all
 * numbers; text, varchar and bytea compare byte-wise (UTF-8 bytes in unsigned order = Unicode code point order, i.e.
 * the C collation; BPCHAR trailing blanks are significant here, unlike PostgreSQL); NUMERIC compares by value (1.0
 * = 1.00); INTERVAL compares with 30-day months and 24-hour days like interval_cmp; UUID compares bytes unsigned.
 */
public abstract class KeyType {
    /** What a NULL key contributes to a row hash (see {@link #hashInto}). */
    public static final long NULL_HASH = 0x7A3C91L;

    public abstract long hash(FieldVector v, int row);

    /**
     * Folds this column into the row hashes of rows {@code [0, n)}: {@code h[r] = mix(h[r] * 31 + x)} where x is
     * {@link #hash} of the value or {@link #NULL_HASH}. One column at a time, so the loop calls one implementation
     * (subclasses override it with loops over the buffers).
     */
    public void hashInto(FieldVector v, int n, long[] h) {
        boolean nulls = v.getNullCount() > 0;
        for (int r = 0; r < n; r++) {
            long x = nulls && v.isNull(r) ? NULL_HASH : hash(v, r);
            h[r] = mix(h[r] * 31 + x);
        }
    }

    public abstract boolean equal(FieldVector a, int ra, FieldVector b, int rb);

    public abstract int compare(FieldVector a, int ra, FieldVector b, int rb);

    public static KeyType of(SqlType t) {
        switch (t) {
            case BOOL:
                return BOOL;
            case INT2:
                return FIXED2;
            case INT4:
            case OID:
            case REGCLASS:
            case REGTYPE:
            case REGPROC:
            case DATE:
                return FIXED4;
            case INT8:
            case TIME:
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return FIXED8;
            case FLOAT4:
                return FLOAT4;
            case FLOAT8:
                return FLOAT8;
            case UUID:
                return FIXED_BYTES;
            case NUMERIC:
                return new Boxed(t);
            case INTERVAL:
                return new Boxed(t);
            default:
                if (t.isArray()) {
                    return new Boxed(t);
                }
                return VAR_BYTES;
        }
    }

    /** True when values of this type fit in a long and {@link #longValue} reads them. */
    public boolean isLong() {
        return false;
    }

    /** The value as a long (only when {@link #isLong()}). */
    public long longValue(FieldVector v, int row) {
        throw new UnsupportedOperationException();
    }

    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Ordering of doubles as PostgreSQL's float8 btree: -0 = 0, NaN = NaN, NaN greater than everything. */
    public static int compareDouble(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        boolean an = Double.isNaN(a);
        boolean bn = Double.isNaN(b);
        return an == bn ? 0 : (an ? 1 : -1);
    }

    /** Unsigned byte-wise comparison (UTF-8 code point order). */
    public static int compareBytes(ArrowBuf a, long aStart, int aLen, ArrowBuf b, long bStart, int bLen) {
        int n = Math.min(aLen, bLen);
        for (int i = 0; i < n; i++) {
            int x = a.getByte(aStart + i) & 0xff;
            int y = b.getByte(bStart + i) & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(aLen, bLen);
    }

    public static int compareBytes(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    private static final class LongKey extends KeyType {
        private final int width;

        LongKey(int width) {
            this.width = width;
        }

        @Override
        public boolean isLong() {
            return true;
        }

        @Override
        public long longValue(FieldVector v, int row) {
            ArrowBuf d = v.getDataBuffer();
            switch (width) {
                case 2:
                    return d.getShort((long) row * 2);
                case 4:
                    return d.getInt((long) row * 4);
                default:
                    return d.getLong((long) row * 8);
            }
        }

        @Override
        public long hash(FieldVector v, int row) {
            return mix(longValue(v, row));
        }

        @Override
        public void hashInto(FieldVector v, int n, long[] h) {
            boolean nulls = v.getNullCount() > 0;
            ArrowBuf d = v.getDataBuffer();
            for (int r = 0; r < n; r++) {
                long x;
                if (nulls && v.isNull(r)) {
                    x = NULL_HASH;
                } else {
                    x = mix(switch (width) {
                        case 2 -> d.getShort((long) r * 2);
                        case 4 -> d.getInt((long) r * 4);
                        default -> d.getLong((long) r * 8);
                    });
                }
                h[r] = mix(h[r] * 31 + x);
            }
        }

        @Override
        public boolean equal(FieldVector a, int ra, FieldVector b, int rb) {
            return longValue(a, ra) == longValue(b, rb);
        }

        @Override
        public int compare(FieldVector a, int ra, FieldVector b, int rb) {
            return Long.compare(longValue(a, ra), longValue(b, rb));
        }
    }

    static final KeyType FIXED2 = new LongKey(2);
    static final KeyType FIXED4 = new LongKey(4);
    static final KeyType FIXED8 = new LongKey(8);

    static final KeyType BOOL = new KeyType() {
        @Override
        public boolean isLong() {
            return true;
        }

        @Override
        public long longValue(FieldVector v, int row) {
            return ((BitVector) v).get(row);
        }

        @Override
        public long hash(FieldVector v, int row) {
            return mix(longValue(v, row) + 7);
        }

        @Override
        public boolean equal(FieldVector a, int ra, FieldVector b, int rb) {
            return longValue(a, ra) == longValue(b, rb);
        }

        @Override
        public int compare(FieldVector a, int ra, FieldVector b, int rb) {
            return Long.compare(longValue(a, ra), longValue(b, rb));
        }
    };

    private static final class DoubleKey extends KeyType {
        private final boolean single;

        DoubleKey(boolean single) {
            this.single = single;
        }

        double get(FieldVector v, int row) {
            ArrowBuf d = v.getDataBuffer();
            return single ? d.getFloat((long) row * 4) : d.getDouble((long) row * 8);
        }

        @Override
        public long hash(FieldVector v, int row) {
            double x = get(v, row);
            if (x == 0.0) {
                x = 0.0;
            }
            return mix(Double.doubleToLongBits(x));
        }

        @Override
        public boolean equal(FieldVector a, int ra, FieldVector b, int rb) {
            return compareDouble(get(a, ra), get(b, rb)) == 0;
        }

        @Override
        public int compare(FieldVector a, int ra, FieldVector b, int rb) {
            return compareDouble(get(a, ra), get(b, rb));
        }
    }

    static final KeyType FLOAT4 = new DoubleKey(true);
    static final KeyType FLOAT8 = new DoubleKey(false);

    static final KeyType VAR_BYTES = new KeyType() {
        @Override
        public long hash(FieldVector v, int row) {
            ArrowBuf off = v.getOffsetBuffer();
            long s = off.getInt((long) row * 4);
            long e = off.getInt((long) row * 4 + 4);
            ArrowBuf d = v.getDataBuffer();
            long h = 0x9E3779B97F4A7C15L;
            long i = s;
            for (; i + 8 <= e; i += 8) {
                h = (h ^ d.getLong(i)) * 0x100000001b3L;
                h ^= h >>> 29;
            }
            for (; i < e; i++) {
                h = (h ^ (d.getByte(i) & 0xff)) * 0x100000001b3L;
            }
            return mix(h ^ (e - s));
        }

        @Override
        public void hashInto(FieldVector v, int n, long[] h) {
            boolean nulls = v.getNullCount() > 0;
            for (int r = 0; r < n; r++) {
                long x = nulls && v.isNull(r) ? NULL_HASH : hash(v, r);
                h[r] = mix(h[r] * 31 + x);
            }
        }

        @Override
        public boolean equal(FieldVector a, int ra, FieldVector b, int rb) {
            ArrowBuf ao = a.getOffsetBuffer();
            ArrowBuf bo = b.getOffsetBuffer();
            int as = ao.getInt((long) ra * 4);
            int al = ao.getInt((long) ra * 4 + 4) - as;
            int bs = bo.getInt((long) rb * 4);
            int bl = bo.getInt((long) rb * 4 + 4) - bs;
            if (al != bl) {
                return false;
            }
            ArrowBuf ad = a.getDataBuffer();
            ArrowBuf bd = b.getDataBuffer();
            int i = 0;
            for (; i + 8 <= al; i += 8) {
                if (ad.getLong(as + i) != bd.getLong(bs + i)) {
                    return false;
                }
            }
            for (; i < al; i++) {
                if (ad.getByte(as + i) != bd.getByte(bs + i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int compare(FieldVector a, int ra, FieldVector b, int rb) {
            ArrowBuf ao = a.getOffsetBuffer();
            ArrowBuf bo = b.getOffsetBuffer();
            int as = ao.getInt((long) ra * 4);
            int al = ao.getInt((long) ra * 4 + 4) - as;
            int bs = bo.getInt((long) rb * 4);
            int bl = bo.getInt((long) rb * 4 + 4) - bs;
            return compareBytes(a.getDataBuffer(), as, al, b.getDataBuffer(), bs, bl);
        }
    };

    static final KeyType FIXED_BYTES = new KeyType() {
        private int width(FieldVector v) {
            return ((FixedSizeBinaryVector) v).getByteWidth();
        }

        @Override
        public long hash(FieldVector v, int row) {
            int w = width(v);
            ArrowBuf d = v.getDataBuffer();
            long h = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < w; i++) {
                h = (h ^ (d.getByte((long) row * w + i) & 0xff)) * 0x100000001b3L;
            }
            return mix(h);
        }

        @Override
        public boolean equal(FieldVector a, int ra, FieldVector b, int rb) {
            return compare(a, ra, b, rb) == 0;
        }

        @Override
        public int compare(FieldVector a, int ra, FieldVector b, int rb) {
            int w = width(a);
            return compareBytes(a.getDataBuffer(), (long) ra * w, w, b.getDataBuffer(), (long) rb * w, w);
        }
    };

    /** Fallback through boxed values: NUMERIC, INTERVAL, arrays. */
    private static final class Boxed extends KeyType {
        private final SqlType type;

        Boxed(SqlType type) {
            this.type = type;
        }

        @Override
        public long hash(FieldVector v, int row) {
            return mix(hashValue(ArrowTypes.get(v, row, type)));
        }

        @Override
        public boolean equal(FieldVector a, int ra, FieldVector b, int rb) {
            return compareValues(ArrowTypes.get(a, ra, type), ArrowTypes.get(b, rb, type)) == 0;
        }

        @Override
        public int compare(FieldVector a, int ra, FieldVector b, int rb) {
            return compareValues(ArrowTypes.get(a, ra, type), ArrowTypes.get(b, rb, type));
        }
    }

    /** Hash of a boxed value consistent with {@link #compareValues} equality. */
    public static long hashValue(Object o) {
        if (o == null) {
            return 0x5bd1e995L;
        }
        if (o instanceof BigDecimal d) {
            return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
        }
        if (o instanceof Interval i) {
            return Long.hashCode(i.approximateMicros());
        }
        if (o instanceof Double d) {
            double x = d == 0.0 ? 0.0 : d;
            return Double.hashCode(x);
        }
        if (o instanceof Float f) {
            double x = f == 0.0f ? 0.0 : f.doubleValue();
            return Double.hashCode(x);
        }
        if (o instanceof byte[] b) {
            return java.util.Arrays.hashCode(b);
        }
        if (o instanceof List<?> l) {
            long h = 1;
            for (Object e : l) {
                h = 31 * h + hashValue(e);
            }
            return h;
        }
        return o.hashCode();
    }

    /**
     * Compares two boxed values of the same SQL type (Java representation per SqlType); NULL sorts last, like
     * PostgreSQL's default for array elements.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof String s && b instanceof String t) {
            return compareStrings(s, t);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return compareDouble(x, y);
        }
        if (a instanceof Float x && b instanceof Float y) {
            return compareDouble(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return compareBytes(x, y);
        }
        if (a instanceof java.util.UUID x && b instanceof java.util.UUID y) {
            int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
            return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                int c = compareValues(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof BigDecimal) && !(b instanceof BigDecimal)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    /** Code point order (= UTF-8 byte order), not Java's UTF-16 order. */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs != ys) {
                    return xs ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
