package io.epochdb.exec.expr.math;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Vectors;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** A float8 -> float8 function (floor, round, sqrt, ...) as a loop over the buffer, without boxing. */
public final class Float8Kernel implements Expr {
    private static final ColumnType FLOAT8 = ColumnType.of(SqlType.FLOAT8);

    private final Expr arg;
    private final DoubleUnaryOperator fn;

    public Float8Kernel(Expr arg, DoubleUnaryOperator fn) {
        this.arg = Objects.requireNonNull(arg, "arg");
        this.fn = Objects.requireNonNull(fn, "fn");
    }

    @Override
    public ColumnType type() {
        return FLOAT8;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        FieldVector out = Vectors.allocate(FLOAT8, n, ctx.allocator());
        try (FieldVector in = arg.evaluate(input, ctx)) {
            boolean noNulls = in.getNullCount() == 0;
            ArrowBuf d = in.getDataBuffer();
            ArrowBuf v = in.getValidityBuffer();
            ArrowBuf od = out.getDataBuffer();
            for (int i = 0; i < n; i++) {
                if (!noNulls && BitVectorHelper.get(v, i) == 0) {
                    continue;
                }
                od.setDouble((long) i << 3, fn.applyAsDouble(d.getDouble((long) i << 3)));
            }
            Vectors.copyValidity(in, out, n);
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
