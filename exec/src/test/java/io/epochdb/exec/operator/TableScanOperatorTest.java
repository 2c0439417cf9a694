package io.epochdb.exec.operator;

import static io.epochdb.exec.operator.TestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.RowConstraints;
import io.epochdb.storage.table.ScanPart;
import io.epochdb.storage.table.TableSnapshot;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableScanOperatorTest {
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

    /** Parts of the given sizes; column 0 = global row number (INT8), column 1 = its text. */
    static final class FakeSnapshot implements TableSnapshot {
        final int[] sizes;

        FakeSnapshot(int... sizes) {
            this.sizes = sizes;
        }

        @Override
        public TableDef def() {
            return null;
        }

        @Override
        public int partCount() {
            return sizes.length;
        }

        @Override
        public ScanPart read(int part, int[] columns, boolean withRowIds, RowConstraints constraints,
                             BufferAllocator out) {
            // no constraints are pushed in these tests
            long base = 0;
            for (int i = 0; i < part; i++) {
                base += sizes[i];
            }
            int n = sizes[part];
            List<FieldVector> cols = new ArrayList<>();
            for (int c : columns) {
                ColumnType t = ColumnType.of(c == 0 ? SqlType.INT8 : SqlType.TEXT);
                FieldVector v = ArrowTypes.newVector("c" + c, t, out, n);
                for (int r = 0; r < n; r++) {
                    ArrowTypes.set(v, r, c == 0 ? (Object) (base + r) : "r" + (base + r), t.type());
                }
                v.setValueCount(n);
                cols.add(v);
            }
            BigIntVector ids = null;
            if (withRowIds) {
                ids = new BigIntVector("rowid", out);
                ids.allocateNew(Math.max(n, 1));
                for (int r = 0; r < n; r++) {
                    ids.set(r, 1000 + base + r);
                }
                ids.setValueCount(n);
            }
            return new ScanPart(cols, ids, n);
        }
    }

    @Test
    void splitsLargePartsSkipsEmptyOnesAndAddsRowIds() {
        var op = new TableScanOperator(new FakeSnapshot(0, 5000, 10, 0), new int[] {1, 0}, true,
            rowType(SqlType.TEXT, SqlType.INT8, SqlType.INT8));
        op.open(ctx);
        List<Integer> sizes = new ArrayList<>();
        long expected = 0;
        Batch b;
        while ((b = op.next()) != null) {
            try (Batch batch = b) {
                sizes.add(batch.rowCount());
                for (int r = 0; r < batch.rowCount(); r++) {
                    assertEquals("r" + expected, ArrowTypes.get(batch.column(0), r, SqlType.TEXT));
                    assertEquals(expected, ArrowTypes.get(batch.column(1), r, SqlType.INT8));
                    assertEquals(1000 + expected, ArrowTypes.get(batch.column(2), r, SqlType.INT8));
                    expected++;
                }
            }
        }
        op.close();
        assertEquals(List.of(4096, 904, 10), sizes);
        assertEquals(5010, expected);
    }

    @Test
    void closeMidwayReleasesEverything() {
        var op = new TableScanOperator(new FakeSnapshot(10_000), new int[] {0}, false, rowType(SqlType.INT8));
        op.open(ctx);
        op.next().close();
        op.close();
        assertEquals(10_000, Operators.rowCount(
            new TableScanOperator(new FakeSnapshot(10_000), new int[] {0}, false, rowType(SqlType.INT8)), ctx));
    }
}
