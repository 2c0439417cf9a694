package io.epochdb.exec.types;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;


/**
 * Shortest round-trip float text as PostgreSQL prints it with {@code extra_float_digits >= 1}: plain notation for
 * decimal exponents in [-4, 15) (float4: [-4, 6)), otherwise {@code 1e+20} style with at least two exponent
 * digits; {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code -0}.
 */
public final class FloatText {
    /**
     * Below 2^52 (and above the subnormals) a double's rounding-interval ends have at least 18 significant digits,
     * so no candidate of at most 17 digits lies exactly on one: the shortest digits are then unambiguous, and
     * Jackson's Schubfach writer (the JDK 19 algorithm: shortest, closest) gives exactly PostgreSQL's (Ryu's) digits
     * without the trial parsing below, which cost microseconds per value. JDK 17's own toString is sometimes a digit
     * longer, hence that slow path for the rest (huge values, subnormals) and for float4.
     */
    private static final double NO_TIES_BELOW = 0x1p52;

    private FloatText() {
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
        }
        double a = Math.abs(d);
        if (a >= Double.MIN_NORMAL && a < NO_TIES_BELOW) {
            String j = NumberOutput.toString(a, true);
            if (j.indexOf('E') < 0) {
                // Java writes plain digits for 1e-3 <= a < 1e7, where PostgreSQL does too; only "x.0" differs
                String plain = j.endsWith(".0") ? j.substring(0, j.length() - 2) : j;
                return d < 0 ? "-" + plain : plain;
            }
            return layout(fromJava(j), d < 0, 15);
        }
        return layout(shortestDigits(Double.toString(a), a, false), d < 0, 15);
    }

    /** The slow path for any finite positive double (tests compare the fast path with it). */
    static String formatBySearch(double a) {
        return layout(shortestDigits(Double.toString(a), a, false), false, 15);
    }

    public static String format(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0) {
            return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
        }
        return layout(shortestDigits(Float.toString(Math.abs(f)), Math.abs(f), true), f < 0, 6);
    }

    /** Digits (no leading/trailing zeros) and the decimal exponent of the first digit. */
    private record Digits(String digits, int exponent) {
    }

    private static Digits shortestDigits(String javaText, double value, boolean single) {
        // JDK 17's toString always round-trips but is sometimes a digit longer than the shortest (fixed in JDK 19):
        // try dropping digits (rounding the digit string down or up) while the result still reads back the same
        Digits d = fromJava(javaText);
        while (d.digits.length() > 1) {
            Digits shorter = shorten(d, value, single);
            if (shorter == null) {
                break;
            }
            d = shorter;
        }
        return d;
    }

    private static Digits shorten(Digits d, double value, boolean single) {
        int k = d.digits.length() - 1;
        String down = d.digits.substring(0, k);
        Digits floor = new Digits(stripZeros(down), d.exponent);
        Digits ceil = increment(down, d.exponent);
        boolean floorOk = roundTrips(floor, value, single) && !onBoundary(floor, value, single);
        boolean ceilOk = roundTrips(ceil, value, single) && !onBoundary(ceil, value, single);
        if (floorOk && ceilOk) {
            // both read back: the shortest representation is the one nearer the exact binary value
            BigDecimal exact = new BigDecimal(single ? (double) (float) value : value);
            BigDecimal f = toBig(floor).subtract(exact).abs();
            BigDecimal c = toBig(ceil).subtract(exact).abs();
            return c.compareTo(f) < 0 ? ceil : floor;
        }
        return floorOk ? floor : ceilOk ? ceil : null;
    }

    private static BigDecimal toBig(Digits d) {
        return new BigDecimal("0." + d.digits + "E" + (d.exponent + 1));
    }

    /**
     * Whether a candidate lies exactly half-way to a neighbouring value. Such text reads back to our value only by
     * the round-half-even tie rule; PostgreSQL's Ryu never prints it, so neither do we.
     */
    private static boolean onBoundary(Digits d, double value, boolean single) {
        BigDecimal cand = toBig(d);
        BigDecimal exact = new BigDecimal(single ? (double) (float) value : value);
        int cmp = cand.compareTo(exact);
        if (cmp == 0) {
            return false;
        }
        double neighbour = single
            ? (double) (cmp > 0 ? Math.nextUp((float) value) : Math.nextDown((float) value))
            : (cmp > 0 ? Math.nextUp(value) : Math.nextDown(value));
        BigDecimal mid = exact.add(new BigDecimal(neighbour)).divide(BigDecimal.valueOf(2));
        return cand.compareTo(mid) == 0;
    }

    private static Digits increment(String digits, int exponent) {
        char[] c = digits.toCharArray();
        int i = c.length - 1;
        while (i >= 0 && c[i] == '9') {
            c[i] = '0';
            i--;
        }
        if (i < 0) {
            return new Digits("1", exponent + 1);
        }
        c[i]++;
        return new Digits(stripZeros(new String(c)), exponent);
    }

    private static String stripZeros(String s) {
        int end = s.length();
        while (end > 1 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean roundTrips(Digits d, double value, boolean single) {
        String text = "0." + d.digits + "E" + (d.exponent + 1);
        return single ? Float.parseFloat(text) == (float) value : Double.parseDouble(text) == value;
    }

    /** Parses Java's (or BigDecimal's) text such as 1.2345E20, 0.001, 1.0E-5 into digits and exponent. */
    private static Digits fromJava(String s) {
        int e = s.indexOf('E');
        int exp = 0;
        String mant = s;
        if (e >= 0) {
            exp = Integer.parseInt(s.substring(e + 1));
            mant = s.substring(0, e);
        }
        int dot = mant.indexOf('.');
        String intPart = dot < 0 ? mant : mant.substring(0, dot);
        String frac = dot < 0 ? "" : mant.substring(dot + 1);
        String all = intPart + frac;
        int pointPos = intPart.length() + exp; // digits before the decimal point
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        all = all.substring(lead);
        pointPos -= lead;
        int end = all.length();
        while (end > 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(all.substring(0, end), pointPos - 1);
    }

    private static String layout(Digits d, boolean negative, int maxPlainExponent) {
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        String ds = d.digits;
        int exp = d.exponent;
        if (exp < -4 || exp >= maxPlainExponent) {
            sb.append(ds.charAt(0));
            if (ds.length() > 1) {
                sb.append('.').append(ds, 1, ds.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) {
                sb.append('0');
            }
            sb.append(ds);
        } else if (ds.length() <= exp + 1) {
            sb.append(ds);
            for (int i = ds.length(); i <= exp; i++) {
                sb.append('0');
            }
        } else {
            sb.append(ds, 0, exp + 1).append('.').append(ds, exp + 1, ds.length());
        }
        return sb.toString();
    }
}
