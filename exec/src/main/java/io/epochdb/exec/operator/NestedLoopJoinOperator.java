package io.epochdb.exec.operator;

import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;

/**
 * Join on an arbitrary condition (null = cross join): every left row is paired with every right row and the
 * condition is evaluated over the pairs a batch at a time. Same output shape as {@link HashJoinOperator}.
 */
public final class NestedLoopJoinOperator extends AbstractJoinOperator {
    public NestedLoopJoinOperator(Operator left, Operator right, JoinKind kind, Expr condition, RowType rowType) {
        super(left, right, kind, condition, rowType);
    }

    @Override
    protected void buildIndex() {
    }

    @Override
    protected int firstCandidate(Batch batch, int row) {
        return build.rowCount() > 0 ? 0 : -1;
    }

    @Override
    protected int nextCandidate(int r) {
        return r + 1 < build.rowCount() ? r + 1 : -1;
    }
}
