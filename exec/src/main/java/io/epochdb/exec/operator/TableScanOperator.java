package io.epochdb.exec.operator;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.scan.PartFilter;
import io.epochdb.exec.scan.PrunableScan;
import io.epochdb.exec.scan.ScanRanges;
import io.epochdb.exec.scan.ScanReport;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.table.ColumnStats;
import io.epochdb.storage.table.RowConstraints;
import io.epochdb.storage.table.ScanPart;
import io.epochdb.storage.table.TableSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads a table snapshot part by part: the requested columns, then the row id column (INT8) when asked. At open
 * the pushed {@link ScanRanges} are evaluated (with this execution's parameters and clock) and every part whose
 * column statistics cannot overlap them is skipped before any data is read. Parts larger than
 * {@link Batch#TARGET_ROWS} are split with zero-copy-ish transfers; empty parts are skipped. While the consumer
 * works on one part, the next kept part is read on a second thread (reading copies or decodes a whole part), so a
 * large scan keeps both cores busy; at most one part is read ahead.
 */
public final class TableScanOperator implements Operator, PrunableScan, OrderedPartSource {
    private static final ExecutorService READ_AHEAD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "epochdb-scan-read-ahead");
        t.setDaemon(true);
        return t;
    });
    /** Off with -Depochdb.exec.readAhead=false. */
    private static final boolean READ_AHEAD_ENABLED = !"false".equals(System.getProperty("epochdb.exec.readAhead"));

    private final TableSnapshot snapshot;
    private final int[] columns;
    private final boolean withRowIds;
    private final RowType rowType;
    private final ScanRanges ranges;
    private final int planNodeId;
    /** For EXPLAIN: what the filter above this scan still checks, null for nothing. */
    private String filterAbove;
    private ExecContext ctx;
    private int[] keptParts;
    private ScanReport report;
    private RowConstraints rowConstraints = RowConstraints.NONE;
    /** With {@link #readInOrderOf}: the column (table position) parts are ordered by, else -1. */
    private int orderColumn = -1;
    private boolean orderDescending;
    /** Whether the kept parts were put in {@link #orderColumn}'s order (every one had statistics). */
    private boolean ordered;
    /** Asked before a part is read: true skips it (its rows cannot change the result). */
    private java.util.function.IntPredicate skipPart;
    private int nextKept;
    private List<FieldVector> current;
    private int currentRows;
    private int currentPos;
    /** The part being read ahead (the one at {@code keptParts[nextKept]}), or null. */
    private Future<ScanPart> ahead;

    public TableScanOperator(TableSnapshot snapshot, int[] columns, boolean withRowIds, RowType rowType) {
        this(snapshot, columns, withRowIds, rowType, ScanRanges.NONE, -1);
    }

    /**
     * @param ranges predicates pushed from the filter above: they skip parts, and the read leaves out rows that
     *     fail them (the planner keeps in the filter what the read does not apply exactly)
     * @param planNodeId the plan node this scan comes from, for EXPLAIN; -1 when none
     */
    public TableScanOperator(TableSnapshot snapshot, int[] columns, boolean withRowIds, RowType rowType,
                             ScanRanges ranges, int planNodeId) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.columns = Objects.requireNonNull(columns, "columns").clone();
        this.withRowIds = withRowIds;
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        this.ranges = Objects.requireNonNull(ranges, "ranges");
        this.planNodeId = planNodeId;
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public int planNodeId() {
        return planNodeId;
    }

    /** Records, for EXPLAIN, what the filter above this scan still checks. */
    public void describeFilterAbove(String conditions) {
        this.filterAbove = conditions;
    }

    @Override
    public String filterAbove() {
        return filterAbove;
    }

    @Override
    public ScanRanges ranges() {
        return ranges;
    }

    @Override
    public ScanReport report() {
        return report;
    }

    @Override
    public ScanReport prune(ExecContext ctx) {
        return choose(ctx).report;
    }

    private record Choice(int[] kept, ScanReport report, RowConstraints rows) {
    }

    /** The parts that may hold matching rows, and the counts; reads statistics only. */
    private Choice choose(ExecContext ctx) {
        PartFilter filter = ranges.evaluate(ctx);
        int total = snapshot.partCount();
        int[] kept = new int[total];
        int n = 0;
        Set<Integer> chunks = new HashSet<>();
        Set<Integer> keptChunks = new HashSet<>();
        for (int p = 0; p < total; p++) {
            int chunk = snapshot.chunkId(p);
            if (chunk >= 0) {
                chunks.add(chunk);
            }
            if (filter.isEmpty() || filter.mayMatch(snapshot, p)) {
                kept[n++] = p;
                if (chunk >= 0) {
                    keptChunks.add(chunk);
                }
            }
        }
        return new Choice(java.util.Arrays.copyOf(kept, n), new ScanReport(n, total, keptChunks.size(), chunks.size()),
            filter.rowConstraints());
    }

    /**
     * Reads parts by the statistics of table column {@code column} (a NOT NULL integer, date or timestamp): largest
     * maximum first when descending, smallest minimum first otherwise. Call before {@link #open}.
     */
    public void readInOrderOf(int column, boolean descending) {
        this.orderColumn = column;
        this.orderDescending = descending;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        Choice c = choose(ctx);
        keptParts = c.kept;
        report = c.report;
        rowConstraints = c.rows;
        nextKept = 0;
        ordered = orderColumn >= 0 && orderParts();
    }

    /** Sorts {@link #keptParts} by their statistics on {@link #orderColumn}; false (order kept) if any has none. */
    private boolean orderParts() {
        long[] keys = new long[keptParts.length];
        for (int i = 0; i < keptParts.length; i++) {
            ColumnStats st = snapshot.columnStats(keptParts[i], orderColumn);
            if (st == null) {
                return false;
            }
            // parts holding no value sort last; the key is negated for descending so that ascending sorts work
            long k = st.nonNullCount() == 0 ? Long.MAX_VALUE : orderDescending ? -Math.max(st.max(), Long.MIN_VALUE + 1)
                : st.min();
            keys[i] = k;
        }
        Integer[] idx = new Integer[keptParts.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] sorted = new int[keptParts.length];
        for (int i = 0; i < idx.length; i++) {
            sorted[i] = keptParts[idx[i]];
        }
        keptParts = sorted;
        return true;
    }

    /**
     * Lets the consumer skip parts it knows cannot change its result (asked with the part number, just before the
     * part would be read; the answer must stay true once given).
     */
    public void skipPartsWhen(java.util.function.IntPredicate skip) {
        this.skipPart = skip;
    }

    /** The snapshot being read (for a consumer that decides about parts from their statistics). */
    public TableSnapshot snapshot() {
        return snapshot;
    }

    /** Moves past the parts the consumer wants skipped (only when no read-ahead is pending). */
    private void skipSkippable() {
        while (skipPart != null && ahead == null && nextKept < keptParts.length && skipPart.test(keptParts[nextKept])) {
            nextKept++;
        }
    }

    @Override
    public int partsStarted() {
        return nextKept;
    }

    @Override
    public boolean restComesAfter(long threshold) {
        if (!ordered) {
            return false;
        }
        for (int i = current != null ? nextKept - 1 : nextKept; i < keptParts.length; i++) {
            ColumnStats st = snapshot.columnStats(keptParts[i], orderColumn);
            if (st == null) {
                return false;
            }
            if (st.nonNullCount() > 0 && (orderDescending ? st.max() >= threshold : st.min() <= threshold)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        while (current == null) {
            skipSkippable();
            if (nextKept >= keptParts.length) {
                return null;
            }
            ScanPart part = nextPart();
            if (part.rowCount() == 0) {
                part.close();
                continue;
            }
            List<FieldVector> vs = new ArrayList<>(part.columns());
            if (withRowIds) {
                vs.add(part.rowIds());
            } else if (part.rowIds() != null) {
                part.rowIds().close();
            }
            if (part.rowCount() <= Batch.TARGET_ROWS) {
                return new Batch(vs, part.rowCount());
            }
            current = vs;
            currentRows = part.rowCount();
            currentPos = 0;
        }
        int n = Math.min(Batch.TARGET_ROWS, currentRows - currentPos);
        List<FieldVector> out = new ArrayList<>(current.size());
        try {
            for (FieldVector v : current) {
                TransferPair tp = v.getTransferPair(ctx.allocator());
                tp.splitAndTransfer(currentPos, n);
                out.add((FieldVector) tp.getTo());
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(out);
            throw e;
        }
        currentPos += n;
        if (currentPos >= currentRows) {
            closeCurrent();
        }
        return new Batch(out, n);
    }

    /** Reads (or takes the read-ahead of) the next kept part, and starts reading the one after it. */
    private ScanPart nextPart() {
        ScanPart part;
        if (ahead != null) {
            Future<ScanPart> f = ahead;
            ahead = null;
            part = await(f);
        } else {
            part = snapshot.read(keptParts[nextKept], columns, withRowIds, rowConstraints, ctx.allocator());
        }
        nextKept++;
        skipSkippable();
        if (READ_AHEAD_ENABLED && nextKept < keptParts.length) {
            int p = keptParts[nextKept];
            ExecContext c = ctx;
            RowConstraints rows = rowConstraints;
            ahead = READ_AHEAD.submit(() -> snapshot.read(p, columns, withRowIds, rows, c.allocator()));
        }
        return part;
    }

    private static ScanPart await(Future<ScanPart> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void closeCurrent() {
        if (current != null) {
            List<FieldVector> vs = current;
            current = null;
            Vectors.closeAll(vs);
        }
    }

    @Override
    public void close() {
        closeCurrent();
        if (ahead != null) {
            // the read owns memory of the query's allocator: wait for it and release what it read
            Future<ScanPart> f = ahead;
            ahead = null;
            boolean interrupted = false;
            while (true) {
                try {
                    f.get().close();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the part must be released before the allocator closes
                } catch (ExecutionException ignored) {
                    break; // the scan is being closed anyway; a failed read keeps no memory
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
