package io.epochdb.exec.operator;

import static io.epochdb.exec.operator.TestSupport.row;
import static io.epochdb.exec.operator.TestSupport.rowType;
import static io.epochdb.exec.operator.TestSupport.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The radix path (no NULL keys, many rows) must give the comparison sort's order. */
class RadixSortTest {
    private RootAllocator allocator;
    private ExecContext ctx;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        ctx = ExecContext.simple(allocator);
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    @Test
    void radixOrderEqualsComparisonOrder() {
        RowType rt = rowType(SqlType.INT4, SqlType.FLOAT8, SqlType.INT8);
        Random rnd = new Random(7);
        double[] specials = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -1e300, 1e-300};
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double d = rnd.nextInt(10) == 0 ? specials[rnd.nextInt(specials.length)] : rnd.nextGaussian() * 1e6;
            long l = rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(5) - 2;
            rows.add(row(rnd.nextInt(7) - 3, d, l));
        }
        for (boolean d0 : new boolean[] {false, true}) {
            for (boolean d1 : new boolean[] {false, true}) {
                List<SortKey> keys = List.of(new SortKey(0, d0, false), new SortKey(1, d1, false), new SortKey(2, !d1, false));
                List<List<Object>> out = Operators.drain(new SortOperator(source(rt, rows, 1000), keys, 0, -1), ctx);
                assertEquals(rows.size(), out.size());
                for (int i = 1; i < out.size(); i++) {
                    List<Object> a = out.get(i - 1);
                    List<Object> b = out.get(i);
                    int c = Integer.compare((Integer) a.get(0), (Integer) b.get(0));
                    c = d0 ? -c : c;
                    if (c == 0) {
                        c = KeyType.compareDouble((Double) a.get(1), (Double) b.get(1));
                        c = d1 ? -c : c;
                    }
                    if (c == 0) {
                        c = Long.compare((Long) a.get(2), (Long) b.get(2));
                        c = !d1 ? -c : c;
                    }
                    assertEquals(true, c <= 0, "rows " + (i - 1) + " and " + i + ": " + a + " " + b);
                }
            }
        }
    }
}
