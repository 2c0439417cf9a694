package io.epochdb.exec.expr.compare;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Vectors;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** AND, OR, NOT and the IS [NOT] NULL/TRUE/FALSE tests with SQL's three-valued logic, as bit loops. */
public final class Logic {
    private static final ColumnType BOOL = ColumnType.of(SqlType.BOOL);

    private Logic() {
    }

    public static void register(FunctionRegistry r) {
        r.add("and", (args, rt) -> args.size() >= 2 && allBool(args) ? new AndOr(true, bools(args)) : null);
        r.add("or", (args, rt) -> args.size() >= 2 && allBool(args) ? new AndOr(false, bools(args)) : null);
        r.add("not", (args, rt) -> args.size() == 1 && allBool(args) ? new Test(Test.NOT, bools(args).get(0)) : null);
        r.add("is null", (args, rt) -> args.size() == 1 ? new Test(Test.IS_NULL, args.get(0)) : null);
        r.add("is not null", (args, rt) -> args.size() == 1 ? new Test(Test.IS_NOT_NULL, args.get(0)) : null);
        r.add("is unknown", (args, rt) -> args.size() == 1 && allBool(args) ? new Test(Test.IS_NULL, bools(args).get(0)) : null);
        r.add("is not unknown", (args, rt) -> args.size() == 1 && allBool(args) ? new Test(Test.IS_NOT_NULL, bools(args).get(0)) : null);
        r.add("is true", (args, rt) -> args.size() == 1 && allBool(args) ? new Test(Test.IS_TRUE, bools(args).get(0)) : null);
        r.add("is false", (args, rt) -> args.size() == 1 && allBool(args) ? new Test(Test.IS_FALSE, bools(args).get(0)) : null);
        r.add("is not true", (args, rt) -> args.size() == 1 && allBool(args) ? new Test(Test.IS_NOT_TRUE, bools(args).get(0)) : null);
        r.add("is not false", (args, rt) -> args.size() == 1 && allBool(args) ? new Test(Test.IS_NOT_FALSE, bools(args).get(0)) : null);
    }

    private static boolean allBool(List<Expr> args) {
        return args.stream().allMatch(a -> a.type().type() == SqlType.BOOL || a.type().type() == SqlType.UNKNOWN);
    }

    private static List<Expr> bools(List<Expr> args) {
        return args.stream().map(a -> Functions.cast(a, BOOL)).toList();
    }

    /** n-ary AND / OR; later operands are evaluated only on rows the earlier ones left undecided. */
    static final class AndOr implements Expr {
        private final boolean and;
        private final List<Expr> args;

        AndOr(boolean and, List<Expr> args) {
            this.and = and;
            this.args = List.copyOf(args);
        }

        @Override
        public ColumnType type() {
            return BOOL;
        }

        @Override
        public FieldVector evaluate(Batch input, ExecContext ctx) {
            int n = input.rowCount();
            // state per row: 0 undecided-so-far-true(for AND)/false(for OR), 1 decided, 2 null seen
            boolean[] decided = new boolean[n];
            boolean[] sawNull = new boolean[n];
            boolean[] undecided = new boolean[n];
            java.util.Arrays.fill(undecided, true);
            for (Expr e : args) {
                try (FieldVector v = Vectors.evaluateWhere(e, input, ctx, undecided)) {
                    ArrowBuf vd = v.getDataBuffer();
                    ArrowBuf vv = v.getValidityBuffer();
                    for (int i = 0; i < n; i++) {
                        if (decided[i]) {
                            continue;
                        }
                        if (BitVectorHelper.get(vv, i) == 0) {
                            sawNull[i] = true;
                        } else if ((BitVectorHelper.get(vd, i) == 1) != and) {
                            decided[i] = true;
                            undecided[i] = false;
                        }
                    }
                }
            }
            FieldVector out = Vectors.allocate(BOOL, n, ctx.allocator());
            ArrowBuf od = out.getDataBuffer();
            ArrowBuf ov = out.getValidityBuffer();
            for (int i = 0; i < n; i++) {
                if (decided[i]) {
                    BitVectorHelper.setBit(ov, i);
                    if (!and) {
                        BitVectorHelper.setBit(od, i);
                    }
                } else if (!sawNull[i]) {
                    BitVectorHelper.setBit(ov, i);
                    if (and) {
                        BitVectorHelper.setBit(od, i);
                    }
                }
            }
            out.setValueCount(n);
            return out;
        }

        @Override
        public boolean canFail() {
            return args.stream().anyMatch(Expr::canFail);
        }

        @Override
        public String toString() {
            return (and ? "AND" : "OR") + args;
        }
    }

    /** One-argument boolean tests. */
    static final class Test implements Expr {
        static final int NOT = 0;
        static final int IS_NULL = 1;
        static final int IS_NOT_NULL = 2;
        static final int IS_TRUE = 3;
        static final int IS_FALSE = 4;
        static final int IS_NOT_TRUE = 5;
        static final int IS_NOT_FALSE = 6;

        private final int kind;
        private final Expr arg;

        Test(int kind, Expr arg) {
            this.kind = kind;
            this.arg = arg;
        }

        @Override
        public ColumnType type() {
            return BOOL;
        }

        @Override
        public FieldVector evaluate(Batch input, ExecContext ctx) {
            int n = input.rowCount();
            try (FieldVector v = arg.evaluate(input, ctx)) {
                FieldVector out = Vectors.allocate(BOOL, n, ctx.allocator());
                ArrowBuf od = out.getDataBuffer();
                ArrowBuf ov = out.getValidityBuffer();
                boolean boolArg = arg.type().type() == SqlType.BOOL;
                ArrowBuf vd = boolArg ? v.getDataBuffer() : null;
                for (int i = 0; i < n; i++) {
                    boolean isNull = v.isNull(i);
                    boolean val = !isNull && boolArg && BitVectorHelper.get(vd, i) == 1;
                    int r; // -1 null, 0 false, 1 true
                    switch (kind) {
                        case NOT -> r = isNull ? -1 : (val ? 0 : 1);
                        case IS_NULL -> r = isNull ? 1 : 0;
                        case IS_NOT_NULL -> r = isNull ? 0 : 1;
                        case IS_TRUE -> r = !isNull && val ? 1 : 0;
                        case IS_FALSE -> r = !isNull && !val ? 1 : 0;
                        case IS_NOT_TRUE -> r = !isNull && val ? 0 : 1;
                        default -> r = !isNull && !val ? 0 : 1;
                    }
                    if (r >= 0) {
                        BitVectorHelper.setBit(ov, i);
                        if (r == 1) {
                            BitVectorHelper.setBit(od, i);
                        }
                    }
                }
                out.setValueCount(n);
                return out;
            }
        }
    }
}
