package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.batch.Gather;
import io.epochdb.exec.batch.RowStore;
import io.epochdb.exec.batch.Vectors;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The probe loop shared by hash and nested-loop joins. The right input is materialized in a {@link RowStore};
 * each left row is paired with its candidate right rows (a hash chain, or all rows), pairs are materialized as
 * left-then-right batches of up to {@link Batch#TARGET_ROWS}, the condition is evaluated over them vectorized, and
 * matches are tracked per left row (LEFT/FULL padding, SEMI, ANTI) and per right row (RIGHT/FULL padding).
 * The loop is resumable so a left row with many matches never builds more than one batch at a time.
 */
abstract class AbstractJoinOperator implements Operator {
    protected final Operator left;
    protected final Operator right;
    protected final JoinKind kind;
    protected final Expr condition;
    protected final RowType rowType;
    protected final RowType pairType;
    protected ExecContext ctx;
    protected RowStore build;
    private boolean[] rightMatched;
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();
    private Batch leftBatch;
    private boolean[] leftMatched = new boolean[0];
    private int li;
    private int rpos;
    private boolean leftDone;
    private boolean finished;
    private int[] pairLeft = new int[Batch.TARGET_ROWS];
    private int[] pairRight = new int[Batch.TARGET_ROWS];
    private final int[] rightBatch = new int[Batch.TARGET_ROWS];
    private final int[] rightLocal = new int[Batch.TARGET_ROWS];

    AbstractJoinOperator(Operator left, Operator right, JoinKind kind, Expr condition, RowType rowType) {
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.condition = condition;
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        List<RowType.Field> fields = new ArrayList<>(left.rowType().fields());
        fields.addAll(right.rowType().fields());
        this.pairType = new RowType(fields);
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    /** Called once the right side is in {@link #build}: build the candidate index. */
    protected abstract void buildIndex();

    /** First candidate right row for left row {@code row} of {@code batch}, or -1. */
    protected abstract int firstCandidate(Batch batch, int row);

    /** The candidate after right row {@code r}, or -1. */
    protected abstract int nextCandidate(int r);

    /** Frees the index. */
    protected void closeIndex() {
    }

    @Override
    public void open(ExecContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        build = new RowStore();
        leftDone = false;
        finished = false;
        right.open(ctx);
        left.open(ctx);
    }

    private void materializeRight() {
        Batch b;
        while ((b = right.next()) != null) {
            build.add(b);
            ctx.checkCancelled();
        }
        rightMatched = new boolean[build.rowCount()];
        buildIndex();
    }

    @Override
    public Batch next() {
        if (rightMatched == null) {
            materializeRight();
        }
        while (pending.isEmpty() && !finished) {
            ctx.checkCancelled();
            step();
        }
        return pending.poll();
    }

    private boolean emitsPairs() {
        return kind != JoinKind.SEMI && kind != JoinKind.ANTI;
    }

    /** Produces zero or more output batches into {@link #pending}. */
    private void step() {
        if (leftBatch == null) {
            if (!leftDone && build.rowCount() == 0
                && (kind == JoinKind.INNER || kind == JoinKind.SEMI || kind == JoinKind.RIGHT)) {
                leftDone = true;
            }
            if (leftDone) {
                finishRight();
                finished = true;
                return;
            }
            Batch b = left.next();
            if (b == null) {
                leftDone = true;
                return;
            }
            if (b.rowCount() == 0) {
                b.close();
                return;
            }
            leftBatch = b;
            if (leftMatched.length < b.rowCount()) {
                leftMatched = new boolean[b.rowCount()];
            } else {
                java.util.Arrays.fill(leftMatched, 0, b.rowCount(), false);
            }
            li = 0;
            rpos = -2;
        }
        int n = leftBatch.rowCount();
        int pairs = 0;
        boolean semiShortcut = !emitsPairs() && condition == null;
        while (li < n && pairs < pairLeft.length) {
            if (rpos == -2) {
                rpos = firstCandidate(leftBatch, li);
            }
            if (semiShortcut) {
                if (rpos >= 0) {
                    leftMatched[li] = true;
                }
                li++;
                rpos = -2;
                continue;
            }
            while (rpos >= 0 && pairs < pairLeft.length) {
                pairLeft[pairs] = li;
                pairRight[pairs] = rpos;
                pairs++;
                rpos = nextCandidate(rpos);
            }
            if (rpos < 0) {
                li++;
                rpos = -2;
            }
        }
        if (pairs > 0) {
            evaluatePairs(pairs);
        }
        if (li >= n) {
            finishLeftBatch();
        }
    }

    private void evaluatePairs(int pairs) {
        Batch joined = pairBatch(pairs);
        try {
            int kept = pairs;
            int[] sel = null;
            if (condition != null) {
                sel = new int[pairs];
                kept = 0;
                try (FieldVector cv = condition.evaluate(joined, ctx)) {
                    BitVector bits = (BitVector) cv;
                    for (int i = 0; i < pairs; i++) {
                        if (!bits.isNull(i) && bits.get(i) != 0) {
                            sel[kept++] = i;
                        }
                    }
                }
            }
            for (int k = 0; k < kept; k++) {
                int i = sel == null ? k : sel[k];
                leftMatched[pairLeft[i]] = true;
                rightMatched[pairRight[i]] = true;
            }
            if (emitsPairs() && kept > 0) {
                if (sel == null) {
                    pending.add(joined);
                    joined = null;
                } else {
                    pending.add(Vectors.select(joined, sel, kept, ctx.allocator()));
                }
            }
        } finally {
            if (joined != null) {
                joined.close();
            }
        }
    }

    private Batch pairBatch(int pairs) {
        List<FieldVector> cols = new ArrayList<>(pairType.size());
        try {
            for (FieldVector v : leftBatch.columns()) {
                cols.add(Gather.select(v, pairLeft, pairs, ctx.allocator()));
            }
            build.locate(pairRight, 0, pairs, rightBatch, rightLocal);
            int rightCols = right.rowType().size();
            for (int c = 0; c < rightCols; c++) {
                cols.add(Gather.gather(build.columnSources(c), rightBatch, rightLocal, 0, pairs, ctx.allocator()));
            }
        } catch (RuntimeException | Error e) {
            Vectors.closeAll(cols);
            throw e;
        }
        return new Batch(cols, pairs);
    }

    private void finishLeftBatch() {
        try {
            int n = leftBatch.rowCount();
            int leftCols = left.rowType().size();
            int[] sel = new int[n];
            int m = 0;
            boolean wantMatched = kind == JoinKind.SEMI;
            boolean wantUnmatched = kind == JoinKind.ANTI || kind == JoinKind.LEFT || kind == JoinKind.FULL;
            for (int i = 0; i < n; i++) {
                if (leftMatched[i] ? wantMatched : wantUnmatched) {
                    sel[m++] = i;
                }
            }
            if (m > 0) {
                if (!emitsPairs()) {
                    pending.add(Vectors.select(leftBatch, sel, m, ctx.allocator()));
                } else {
                    try (BatchBuilder bb = new BatchBuilder(rowType, ctx.allocator(), m)) {
                        for (int k = 0; k < m; k++) {
                            bb.copyRow(leftBatch, sel[k], 0);
                            bb.setNulls(leftCols, rowType.size());
                            bb.endRow();
                        }
                        pending.add(bb.build());
                    }
                }
            }
        } finally {
            leftBatch.close();
            leftBatch = null;
        }
    }

    private void finishRight() {
        if (kind != JoinKind.RIGHT && kind != JoinKind.FULL) {
            return;
        }
        int leftCols = left.rowType().size();
        try (BatchBuilder bb = new BatchBuilder(rowType, ctx.allocator())) {
            for (int r = 0; r < rightMatched.length; r++) {
                if (rightMatched[r]) {
                    continue;
                }
                bb.setNulls(0, leftCols);
                build.copyRow(r, bb, leftCols);
                bb.endRow();
                if (bb.isFull()) {
                    pending.add(bb.build());
                }
            }
            Batch last = bb.build();
            if (last != null) {
                pending.add(last);
            }
        }
    }

    @Override
    public void close() {
        try {
            left.close();
        } finally {
            try {
                right.close();
            } finally {
                if (leftBatch != null) {
                    leftBatch.close();
                    leftBatch = null;
                }
                Vectors.closeAll(pending);
                pending.clear();
                closeIndex();
                if (build != null) {
                    build.close();
                    build = null;
                }
            }
        }
    }
}
