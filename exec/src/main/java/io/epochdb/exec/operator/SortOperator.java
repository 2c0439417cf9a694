package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.batch.RowStore;
import io.epochdb.exec.types.RowType;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * ORDER BY with optional OFFSET/FETCH. Sorts in memory; with a small FETCH it is a top-N: the buffered rows are
 * cut back to the best offset+fetch whenever they grow past a few times that, so memory stays bounded.
 * Text keys order by Unicode code point (byte-wise UTF-8, the C collation). Equal keys may come out in any order.
 *
 * <p>Spill hook: {@link #buffer} is the only place rows accumulate; a future spilling version sorts and writes a
 * run when the query's allocator nears its limit, then merges runs in {@link #finish}.
 */
public final class SortOperator implements Operator {
    private static final long TOP_N_LIMIT = 100_000;

    private final Operator input;
    private final List<SortKey> keys;
    private final long offset;
    private final long fetch;
    private ExecContext ctx;
    private RowStore buffer;
    private int[] order;
    private int[] orderBatch;
    private int[] orderLocal;
    private int pos;
    private int end;
    /** For a top-N on a long-valued first key: the input that can say when the rest cannot compete, or null. */
    private OrderedPartSource stopSource;

    public SortOperator(Operator input, List<SortKey> keys, long offset, long fetch) {
        this.input = Objects.requireNonNull(input, "input");
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        this.offset = Math.max(0, offset);
        this.fetch = fetch;
    }

    @Override
    public RowType rowType() {
        return input.rowType();
    }

    public Operator input() {
        return input;
    }

    public List<SortKey> keys() {
        return keys;
    }

    /**
     * Lets this top-N stop reading once it holds its rows and {@code source} (reading in the order of the first
     * key, which must be a NOT NULL long-valued column) says no unread row can come before the last of them.
     */
    public void stopEarlyWith(OrderedPartSource source) {
        this.stopSource = source;
    }

    /** True when this sort has no OFFSET and no FETCH (it returns every input row). */
    public boolean isFullSort() {
        return offset == 0 && fetch < 0;
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        buffer = new RowStore();
        order = null;
        input.open(ctx);
    }

    private boolean isTopN() {
        return fetch >= 0 && offset + fetch <= TOP_N_LIMIT;
    }

    private void finish() {
        long keep = fetch < 0 ? Long.MAX_VALUE : offset + fetch;
        boolean early = stopSource != null && isTopN() && keep > 0;
        int checkedParts = 0;
        Batch b;
        while ((b = input.next()) != null) {
            buffer.add(b);
            ctx.checkCancelled();
            if (isTopN() && buffer.rowCount() > Math.max(4 * keep, 16_384)) {
                compact((int) keep);
            }
            if (early && buffer.rowCount() >= keep && stopSource.partsStarted() != checkedParts) {
                checkedParts = stopSource.partsStarted();
                if (restCannotCompete((int) keep)) {
                    break;
                }
            }
        }
        order = new RowOrdering(buffer, keys, input.rowType()).sortedRows();
        pos = (int) Math.min(offset, order.length);
        end = (int) Math.min(order.length, keep == Long.MAX_VALUE ? order.length : keep);
        orderBatch = new int[order.length];
        orderLocal = new int[order.length];
        buffer.locate(order, pos, end, orderBatch, orderLocal);
    }

    /** Whether no unread row can enter the first {@code keep}: compacts, then asks about the last kept key. */
    private boolean restCannotCompete(int keep) {
        compact(keep);
        if (buffer.rowCount() < keep) {
            return false;
        }
        SortKey first = keys.get(0);
        FieldVector v = buffer.vector(first.column(), keep - 1);
        int row = buffer.localRow(keep - 1);
        if (v.isNull(row)) {
            return false;
        }
        long threshold = KeyType.of(input.rowType().type(first.column()).type()).longValue(v, row);
        return stopSource.restComesAfter(threshold);
    }

    /** Keeps only the first {@code keep} rows in sort order. */
    private void compact(int keep) {
        int[] perm = new RowOrdering(buffer, keys, input.rowType()).sortedRows();
        int n = Math.min(keep, perm.length);
        int[] batchOf = new int[n];
        int[] local = new int[n];
        buffer.locate(perm, 0, n, batchOf, local);
        RowStore kept = new RowStore();
        try {
            for (int from = 0; from < n; from += Batch.TARGET_ROWS) {
                kept.add(buffer.gather(batchOf, local, from, Math.min(n, from + Batch.TARGET_ROWS), ctx.allocator()));
            }
        } catch (RuntimeException | Error e) {
            kept.close();
            throw e;
        }
        buffer.close();
        buffer = kept;
    }

    @Override
    public Batch next() {
        ctx.checkCancelled();
        if (order == null) {
            finish();
        }
        if (pos >= end) {
            return null;
        }
        int to = Math.min(end, pos + Batch.TARGET_ROWS);
        Batch out = buffer.gather(orderBatch, orderLocal, pos, to, ctx.allocator());
        pos = to;
        return out;
    }

    @Override
    public void close() {
        try {
            input.close();
        } finally {
            if (buffer != null) {
                buffer.close();
                buffer = null;
            }
        }
    }
}
