package io.epochdb.exec.expr;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * One input of a typed kernel: either a vector evaluated for the batch or a statement constant (literal,
 * parameter, constant sub-expression) that is never materialized. Close it after the loop.
 */
public final class Operand implements AutoCloseable {
    /** The vector, or null when the operand is a constant. */
    public final FieldVector vector;
    /** The constant's value (null = SQL NULL) when {@link #vector} is null. */
    public final Object constant;
    /** Data and validity buffers of the vector (null for constants). */
    public final ArrowBuf data;
    public final ArrowBuf validity;
    /** True when no row of this operand is NULL (so kernels may skip per-row validity checks). */
    public final boolean noNulls;

    private Operand(FieldVector vector, Object constant) {
        this.vector = vector;
        this.constant = constant;
        this.data = vector == null ? null : vector.getDataBuffer();
        this.validity = vector == null ? null : vector.getValidityBuffer();
        this.noNulls = vector == null ? constant != null : vector.getNullCount() == 0;
    }

    public static Operand of(Expr e, Batch input, ExecContext ctx) {
        if (e instanceof Literal lit) {
            return new Operand(null, lit.value());
        }
        if (e instanceof StatementConstant c) {
            return new Operand(null, c.value(ctx));
        }
        if (e instanceof ParamRef p) {
            return new Operand(null, p.value(ctx));
        }
        return new Operand(e.evaluate(input, ctx), null);
    }

    public boolean isConstant() {
        return vector == null;
    }

    /** A constant operand whose value is NULL: every result row is NULL. */
    public boolean isNullConstant() {
        return vector == null && constant == null;
    }

    @Override
    public void close() {
        if (vector != null) {
            vector.close();
        }
    }
}
