package io.epochdb.exec.expr.datetime;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Vectors;
import io.epochdb.exec.time.DateTrunc;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** {@code date_trunc} with a constant unit over a timestamp or timestamptz vector: one loop over the buffer. */
final class DateTruncExpr implements Expr {
    private final DateTrunc.Unit unit;
    private final Expr ts;
    private final ZoneId zone; // null: the session zone
    private final ColumnType type;

    DateTruncExpr(DateTrunc.Unit unit, Expr ts, ZoneId zone, ColumnType type) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.ts = Objects.requireNonNull(ts, "ts");
        this.zone = zone;
        this.type = type;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        boolean tz = ts.type().type() == SqlType.TIMESTAMPTZ;
        ZoneId z = zone != null ? zone : ctx.timeZone();
        boolean utc = !tz || z == ZoneOffset.UTC || z.getId().equals("UTC") || z.getId().equals("Etc/UTC");
        FieldVector out = Vectors.allocate(type, n, ctx.allocator());
        try (FieldVector in = ts.evaluate(input, ctx)) {
            boolean noNulls = in.getNullCount() == 0;
            ArrowBuf d = in.getDataBuffer();
            ArrowBuf v = in.getValidityBuffer();
            ArrowBuf od = out.getDataBuffer();
            ArrowBuf ov = out.getValidityBuffer();
            long fixed = DateTrunc.fixedMicros(unit);
            for (int i = 0; i < n; i++) {
                if (!noNulls && BitVectorHelper.get(v, i) == 0) {
                    continue;
                }
                long x = d.getLong((long) i << 3);
                long r;
                if (utc && fixed > 0) {
                    r = Math.floorDiv(x, fixed) * fixed;
                } else if (utc) {
                    r = DateTrunc.truncate(unit, x);
                } else {
                    r = DateTrunc.truncate(unit, x, z);
                }
                od.setLong((long) i << 3, r);
                if (!noNulls) {
                    BitVectorHelper.setBit(ov, i);
                }
            }
            if (noNulls) {
                Vectors.setAllValid(out, n);
            }
            out.setValueCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
