package io.epochdb.planner.translate;

import io.epochdb.planner.schema.EpochTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * A table scan with an optional filter right above it: the plan shape whose scan can skip parts (by the filter's
 * ranges) and columns (those neither the filter nor the consumer above uses).
 *
 * @param filter null for a bare scan
 */
record ScanShape(TableScan scan, Filter filter) {
    /** The shape {@code rel} is, or null (system tables and other inputs are not). */
    static ScanShape of(RelNode rel) {
        if (rel instanceof TableScan s && isData(s)) {
            return new ScanShape(s, null);
        }
        if (rel instanceof Filter f && f.getInput() instanceof TableScan s && isData(s)) {
            return new ScanShape(s, f);
        }
        return null;
    }

    private static boolean isData(TableScan s) {
        return s.getTable() != null && s.getTable().unwrap(EpochTable.class) != null;
    }

    /** old field index -> position in {@code needed} (-1 when not read). */
    static int[] inverse(int[] needed, int fieldCount) {
        int[] map = new int[fieldCount];
        java.util.Arrays.fill(map, -1);
        for (int i = 0; i < needed.length; i++) {
            map[needed[i]] = i;
        }
        return map;
    }

    /** Rewrites references to scan fields into references to the narrowed columns. */
    static RexShuttle remapper(int[] needed) {
        int max = needed.length == 0 ? 0 : needed[needed.length - 1] + 1;
        int[] map = inverse(needed, max);
        return new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(map[ref.getIndex()], ref.getType());
            }
        };
    }
}
