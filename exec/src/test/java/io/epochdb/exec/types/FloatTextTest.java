package io.epochdb.exec.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Schubfach fast path of {@link FloatText} prints the same digits as the trial-parsing search it replaces. */
class FloatTextTest {
    @Test
    void fastPathMatchesSearchOnRandomDoubles() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 300_000; i++) {
            double d = switch (i % 4) {
                case 0 -> r.nextDouble() * 100; // TSBS-like metrics
                case 1 -> Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE); // any bit pattern
                case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(-20, 16));
                default -> Math.round(r.nextDouble() * 1e6) / 1e3; // short decimals
            };
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            assertEquals(FloatText.formatBySearch(d), FloatText.format(d), () -> "bits " + Double.doubleToRawLongBits(d));
        }
    }

    @Test
    void edgeValues() {
        assertEquals("0.1", FloatText.format(0.1));
        assertEquals("-1.5", FloatText.format(-1.5));
        assertEquals("1e-05", FloatText.format(1e-5));
        assertEquals("123456789012345", FloatText.format(123456789012345.0));
        assertEquals("1e+15", FloatText.format(1e15));
        assertEquals("4.5035996273704955e+15", FloatText.format(4503599627370495.5));
        assertEquals("2.2250738585072014e-308", FloatText.format(Double.MIN_NORMAL));
    }
}
