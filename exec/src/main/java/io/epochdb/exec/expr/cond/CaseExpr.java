package io.epochdb.exec.expr.cond;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Vectors;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Searched CASE. Each WHEN is evaluated only on rows no earlier WHEN matched, and each THEN only on the rows that
 * chose it, so a branch that would fail on other rows (division by zero) behaves as in PostgreSQL.
 */
final class CaseExpr implements Expr {
    private final List<Expr> whens;
    private final List<Expr> thens;
    private final Expr otherwise;
    private final ColumnType type;

    CaseExpr(List<Expr> whens, List<Expr> thens, Expr otherwise, ColumnType type) {
        this.whens = List.copyOf(whens);
        this.thens = List.copyOf(thens);
        this.otherwise = otherwise;
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        int[] branch = new int[n];
        Arrays.fill(branch, -1);
        boolean[] remaining = new boolean[n];
        Arrays.fill(remaining, true);
        for (int k = 0; k < whens.size(); k++) {
            try (FieldVector cond = Vectors.evaluateWhere(whens.get(k), input, ctx, remaining)) {
                ArrowBuf cd = cond.getDataBuffer();
                ArrowBuf cv = cond.getValidityBuffer();
                for (int i = 0; i < n; i++) {
                    if (remaining[i] && BitVectorHelper.get(cv, i) == 1 && BitVectorHelper.get(cd, i) == 1) {
                        branch[i] = k;
                        remaining[i] = false;
                    }
                }
            }
        }
        FieldVector out = Vectors.allocate(type, n, ctx.allocator());
        // Branch results are evaluated first and copied in row order: variable-width vectors (text) must be
        // written in increasing row order or their offsets break.
        FieldVector[] results = new FieldVector[thens.size() + 1];
        try {
            boolean[] sel = new boolean[n];
            for (int k = 0; k <= thens.size(); k++) {
                Expr e = k < thens.size() ? thens.get(k) : otherwise;
                if (e == null) {
                    continue;
                }
                int target = k < thens.size() ? k : -1;
                boolean any = false;
                for (int i = 0; i < n; i++) {
                    sel[i] = branch[i] == target;
                    any |= sel[i];
                }
                if (any) {
                    results[k] = Vectors.evaluateWhere(e, input, ctx, sel);
                }
            }
            for (int i = 0; i < n; i++) {
                FieldVector v = results[branch[i] < 0 ? thens.size() : branch[i]];
                if (v != null && !v.isNull(i)) {
                    out.copyFromSafe(i, i, v);
                }
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException ex) {
            out.close();
            throw ex;
        } finally {
            for (FieldVector v : results) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }
}
