package io.epochdb.exec.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.expr.ParamRef;
import io.epochdb.exec.operator.TableScanOperator;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.ColumnStats;
import io.epochdb.storage.table.RowConstraints;
import io.epochdb.storage.table.ScanPart;
import io.epochdb.storage.table.TableSnapshot;
import io.epochdb.storage.vector.ArrowTypes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scan with pushed ranges reads only the parts whose statistics can overlap them. */
class PartSkippingScanTest {
    private RootAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    /**
     * Ten parts of 10 rows, column 0 (INT8) holding 10p .. 10p+9 in part p; two parts per chunk (chunk id p/2);
     * part 9 has unknown statistics. Records which parts were read.
     */
    static final class FakeSnapshot implements TableSnapshot {
        final List<Integer> read = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public TableDef def() {
            return null;
        }

        @Override
        public int partCount() {
            return 10;
        }

        @Override
        public int chunkId(int part) {
            return part / 2;
        }

        @Override
        public ColumnStats columnStats(int part, int column) {
            return part == 9 ? null : new ColumnStats(10L * part, 10L * part + 9, 10);
        }

        @Override
        public ScanPart read(int part, int[] columns, boolean withRowIds, RowConstraints constraints,
                             BufferAllocator out) {
            // these tests count parts read and check no rows: rows are not narrowed
            read.add(part);
            List<FieldVector> cols = new ArrayList<>();
            for (int c : columns) {
                FieldVector v = ArrowTypes.newVector("c" + c, ColumnType.of(SqlType.INT8), out, 10);
                for (int r = 0; r < 10; r++) {
                    ArrowTypes.set(v, r, 10L * part + r, SqlType.INT8);
                }
                v.setValueCount(10);
                cols.add(v);
            }
            return new ScanPart(cols, null, 10);
        }
    }

    private static RangeTerm term(Comparison op, Object value) {
        return new RangeTerm(0, SqlType.INT8, List.of(List.of(new RangeBound(op,
            value instanceof ParamRef p ? p : new Literal(value, ColumnType.of(SqlType.INT8)), List.of()))), "c0 " + op.symbol());
    }

    private List<Long> run(TableScanOperator op, ExecContext ctx) {
        List<Long> values = new ArrayList<>();
        op.open(ctx);
        try {
            Batch b;
            while ((b = op.next()) != null) {
                try (Batch owned = b) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        values.add((Long) ArrowTypes.get(b.column(0), r, SqlType.INT8));
                    }
                }
            }
        } finally {
            op.close();
        }
        return values;
    }

    private static RowType rowType() {
        return new RowType(List.of(new RowType.Field("c0", ColumnType.of(SqlType.INT8))));
    }

    @Test
    void skippedPartsAreNeverRead() {
        FakeSnapshot snap = new FakeSnapshot();
        ScanRanges ranges = new ScanRanges(List.of(term(Comparison.GE, 25L), term(Comparison.LT, 41L)));
        TableScanOperator op = new TableScanOperator(snap, new int[] {0}, false, rowType(), ranges, 7);
        List<Long> values = run(op, ExecContext.simple(allocator));
        // parts 2, 3, 4 overlap [25, 40]; part 9 has no statistics and is always read
        assertEquals(List.of(2, 3, 4, 9), snap.read);
        assertEquals(40, values.size());
        assertEquals(new ScanReport(4, 10, 3, 5), op.report());
    }

    @Test
    void parametersArePrunedPerExecution() {
        ScanRanges ranges = new ScanRanges(List.of(term(Comparison.EQ, new ParamRef(0, ColumnType.of(SqlType.INT8)))));
        for (long v : new long[] {3, 57}) {
            FakeSnapshot snap = new FakeSnapshot();
            ExecContext ctx = new ExecContext(allocator, List.of(v), ZoneId.of("UTC"), 0, 0, new AtomicBoolean(), 0);
            TableScanOperator op = new TableScanOperator(snap, new int[] {0}, false, rowType(), ranges, 1);
            run(op, ctx);
            assertEquals(List.of((int) (v / 10), 9), snap.read);
        }
    }

    @Test
    void nullBoundReadsNothingAndPruneReadsNoData() {
        FakeSnapshot snap = new FakeSnapshot();
        ScanRanges ranges = new ScanRanges(List.of(term(Comparison.GT, null)));
        TableScanOperator op = new TableScanOperator(snap, new int[] {0}, false, rowType(), ranges, 1);
        assertEquals(new ScanReport(0, 10, 0, 5), op.prune(ExecContext.simple(allocator)));
        assertEquals(List.of(), run(op, ExecContext.simple(allocator)));
        assertEquals(List.of(), snap.read);
    }

    @Test
    void closingEarlyReleasesThePartReadAhead() {
        FakeSnapshot snap = new FakeSnapshot();
        TableScanOperator op = new TableScanOperator(snap, new int[] {0}, false, rowType());
        op.open(ExecContext.simple(allocator));
        op.next().close();
        op.close(); // part 1 may be in flight: the allocator check in tearDown proves it was released
    }

    @Test
    void noRangesReadsEverything() {
        FakeSnapshot snap = new FakeSnapshot();
        TableScanOperator op = new TableScanOperator(snap, new int[] {0}, false, rowType());
        assertEquals(100, run(op, ExecContext.simple(allocator)).size());
        assertEquals(new ScanReport(10, 10, 5, 5), op.report());
    }
}
