package io.epochdb.exec.operator;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;

/** Test helpers: a row source operator, row types, and tiny row-at-a-time expressions. */
final class TestSupport {
    private TestSupport() {
    }

    static ColumnType t(SqlType s) {
        return ColumnType.of(s);
    }

    static RowType rowType(SqlType... types) {
        List<RowType.Field> fs = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            fs.add(new RowType.Field("c" + i, ColumnType.of(types[i])));
        }
        return new RowType(fs);
    }

    static RowType concat(RowType a, RowType b) {
        List<RowType.Field> fs = new ArrayList<>(a.fields());
        fs.addAll(b.fields());
        return new RowType(fs);
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** An operator producing the given rows in batches of {@code batchSize}. */
    static Operator source(RowType type, List<List<Object>> rows, int batchSize) {
        return new Source(type, rows, batchSize);
    }

    static Operator source(RowType type, List<List<Object>> rows) {
        return new Source(type, rows, 3);
    }

    static final class Source implements Operator {
        private final RowType type;
        private final List<List<Object>> rows;
        private final int batchSize;
        private ExecContext ctx;
        private int pos;
        boolean closed;

        Source(RowType type, List<List<Object>> rows, int batchSize) {
            this.type = type;
            this.rows = rows;
            this.batchSize = batchSize;
        }

        @Override
        public RowType rowType() {
            return type;
        }

        @Override
        public void open(ExecContext ctx) {
            this.ctx = ctx;
            pos = 0;
        }

        @Override
        public Batch next() {
            if (pos >= rows.size()) {
                return null;
            }
            try (BatchBuilder bb = new BatchBuilder(type, ctx.allocator(), batchSize)) {
                while (pos < rows.size() && !bb.isFull()) {
                    List<Object> r = rows.get(pos++);
                    for (int c = 0; c < type.size(); c++) {
                        bb.set(c, r.get(c));
                    }
                    bb.endRow();
                }
                return bb.build();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A row-at-a-time expression: reads the whole input row boxed and applies fn. */
    static Expr rowExpr(ColumnType resultType, Function<List<Object>, Object> fn) {
        return new Expr() {
            @Override
            public ColumnType type() {
                return resultType;
            }

            @Override
            public FieldVector evaluate(Batch input, ExecContext ctx) {
                FieldVector out = ArrowTypes.newVector("e", resultType, ctx.allocator(), input.rowCount());
                for (int r = 0; r < input.rowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < input.columnCount(); c++) {
                        row.add(ArrowTypes.get(input.column(c), r, typeOf(input.column(c))));
                    }
                    ArrowTypes.set(out, r, fn.apply(row), resultType.type());
                }
                out.setValueCount(input.rowCount());
                return out;
            }
        };
    }

    /** A boolean condition on the boxed row. */
    static Expr cond(Function<List<Object>, Boolean> fn) {
        return rowExpr(ColumnType.of(SqlType.BOOL), r -> fn.apply(r));
    }

    static Expr constant(Object value, SqlType type) {
        return rowExpr(ColumnType.of(type), r -> value);
    }

    private static SqlType typeOf(FieldVector v) {
        return switch (v.getMinorType()) {
            case BIT -> SqlType.BOOL;
            case SMALLINT -> SqlType.INT2;
            case INT -> SqlType.INT4;
            case BIGINT -> SqlType.INT8;
            case FLOAT4 -> SqlType.FLOAT4;
            case FLOAT8 -> SqlType.FLOAT8;
            case DATEDAY -> SqlType.DATE;
            case TIMESTAMPMICRO -> SqlType.TIMESTAMP;
            case TIMESTAMPMICROTZ -> SqlType.TIMESTAMPTZ;
            case INTERVALMONTHDAYNANO -> SqlType.INTERVAL;
            case VARBINARY -> SqlType.BYTEA;
            default -> SqlType.TEXT;
        };
    }
}
