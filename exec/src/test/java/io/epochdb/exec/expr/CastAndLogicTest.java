package io.epochdb.exec.expr;

import static io.epochdb.common.types.SqlType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.storage.vector.ArrowTypes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** Expected values from PostgreSQL 15 (TimeZone Europe/Berlin where it matters). */
class CastAndLogicTest extends ExprTesting {
    private Expr cast(Expr e, SqlType t) {
        return Functions.cast(e, t(t));
    }

    private static Expr b(Boolean v) {
        return new Literal(v, t(BOOL));
    }

    @Test
    void casts() {
        useZone("Europe/Berlin");
        assertPg("2", cast(f8(1.5), INT4));
        assertPg("2", cast(f8(2.5), INT4));
        assertPg("-3", cast(lit("-2.5", NUMERIC), INT4));
        assertPg("10000000000", cast(lit("1e10", NUMERIC), INT8));
        assertPg("4", cast(new Literal(3.7f, t(FLOAT4)), INT2));
        assertPg("14:00:00", cast(lit("2024-07-01 12:00+00", TIMESTAMPTZ), TIME));
        assertPg("2024-07-01 12:00:00+02", cast(lit("2024-07-01 12:00", TIMESTAMP), TIMESTAMPTZ));
        assertPg("2024-07-02", cast(lit("2024-07-01 23:30+00", TIMESTAMPTZ), DATE));
        assertPg("42", cast(i4(42), TEXT));
        assertPg("4.20", cast(lit("4.20", NUMERIC), TEXT));
        assertPg("1", cast(b(true), INT4));
        assertPg("f", cast(i4(0), BOOL));
        assertPg("true", cast(b(true), TEXT));
        assertPg("12.35", Functions.cast(lit("12.345", NUMERIC), ColumnType.numeric(4, 2)));
        assertPg("1.5", cast(f8(1.5), NUMERIC));
        assertPg("0.10000000149011612", cast(new Literal(0.1f, t(FLOAT4)), FLOAT8));
        assertPg("1000000000000000", cast(f8(1e15), NUMERIC));
        assertPg("1 day", cast(lit("1 day", INTERVAL), TEXT));
        assertPg("{1,2}", cast(cast(lit("{1,2}", INT4_ARRAY), TEXT_ARRAY), TEXT));
        assertPg("ab", Functions.cast(text("abcd"), new ColumnType(VARCHAR, 2, 0)));
        assertPg("ab|", call("||", TEXT, cast(Functions.cast(text("ab"), new ColumnType(BPCHAR, 4, 0)), TEXT), text("|")));
        assertPg("ab  ", Functions.cast(text("ab"), new ColumnType(BPCHAR, 4, 0)));
        assertPg("123.5", Functions.cast(f8(123.456), ColumnType.numeric(5, 1)));
        assertEquals("integer out of range", fails("22003", () -> value(cast(f8(1e10), INT4))).getMessage());
        assertEquals("smallint out of range", fails("22003", () -> value(cast(i4(32768), INT2))).getMessage());
        assertEquals("invalid input syntax for type integer: \"abc\"", fails("22P02", () -> value(cast(text("abc"), INT4))).getMessage());
        assertEquals("value too long for type character varying(2)",
            fails("22001", () -> value(Functions.cast(text("abcd"), new ColumnType(VARCHAR, 2, 0), false))).getMessage());
        assertEquals("cannot cast type boolean to date", fails("42883", () -> cast(b(true), DATE)).getMessage());
    }

    @Test
    void threeValuedLogic() {
        assertPg("t", call("is null", BOOL, new Literal(null, t(INT4))));
        assertPg("t", call("is unknown", BOOL, call("=", BOOL, i4(1), new Literal(null, t(INT4)))));
        assertPg("f", call("and", BOOL, b(null), b(false)));
        assertPg("NULL", call("and", BOOL, b(null), b(true)));
        assertPg("t", call("or", BOOL, b(null), b(true)));
        assertPg("NULL", call("or", BOOL, b(null), b(false)));
        assertPg("NULL", call("not", BOOL, b(null)));
        assertPg("t", call("is not true", BOOL, b(null)));
        assertPg("f", call("is false", BOOL, b(null)));
        assertPg("3", call("greatest", INT4, i4(1), new Literal(null, t(INT4)), i4(3)));
        assertPg("a", call("least", TEXT, text("b"), text("a")));
        assertPg("NULL", call("nullif", INT4, i4(1), i4(1)));
        assertPg("1", call("nullif", INT4, i4(1), i4(2)));
        assertPg("2", call("coalesce", INT4, new Literal(null, t(INT4)), i4(2), i4(3)));
        assertPg("t", call("is distinct from", BOOL, i4(1), new Literal(null, t(INT4))));
        assertPg("t", call("is not distinct from", BOOL, new Literal(null, t(INT4)), new Literal(null, t(INT4))));
        assertPg("t", call("<", BOOL, i4(1), f8(1.5)));
        assertPg("t", call("=", BOOL, lit("2024-01-01", DATE), lit("2024-01-01 00:00", TIMESTAMP)));
        assertPg("t", call(">", BOOL, lit("1 mon", INTERVAL), lit("29 days", INTERVAL)));
        assertPg("t", call("=", BOOL, f8(Double.NaN), f8(Double.NaN)));
        assertPg("t", call("=", BOOL, lit("ab  ", BPCHAR), lit("ab", BPCHAR)));
    }

    /** A batch with column 0 = x (int4) and column 1 = s (text), some nulls. */
    private Batch batch(Integer[] xs, String[] ss) {
        FieldVector x = ArrowTypes.newVector("x", t(INT4), allocator, xs.length);
        FieldVector s = ArrowTypes.newVector("s", t(TEXT), allocator, ss.length);
        for (int i = 0; i < xs.length; i++) {
            ArrowTypes.set(x, i, xs[i], INT4);
            ArrowTypes.set(s, i, ss[i], TEXT);
        }
        return new Batch(List.of(x, s), xs.length);
    }

    private List<Object> column(Expr e, Batch b) {
        try (FieldVector v = e.evaluate(b, ctx)) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < b.rowCount(); i++) {
                out.add(ArrowTypes.get(v, i, e.type().type()));
            }
            return out;
        }
    }

    @Test
    void lazyBranchesNeverSeeOtherRows() {
        Expr x = new ColumnRef(0, t(INT4));
        try (Batch b = batch(new Integer[] {0, 2, null, 5}, new String[] {"a", "b", null, "a"})) {
            // CASE WHEN x <> 0 THEN 10 / x ELSE -1 END
            Expr c = call("case", INT4, call("<>", BOOL, x, i4(0)), call("/", INT4, i4(10), x), i4(-1));
            assertEquals(Arrays.asList(-1, 5, -1, 2), column(c, b));
            // x <> 0 AND 10 / x > 1
            Expr and = call("and", BOOL, call("<>", BOOL, x, i4(0)), call(">", BOOL, call("/", INT4, i4(10), x), i4(1)));
            assertEquals(Arrays.asList(false, true, null, true), column(and, b));
            // COALESCE(NULLIF(x, 0), 100 / x)... the second argument only sees the row where x = 0 -> error
            fails("22012", () -> column(call("coalesce", INT4, call("nullif", INT4, x, i4(0)), call("/", INT4, i4(100), x)), b));
            Expr s = new ColumnRef(1, t(TEXT));
            assertEquals(Arrays.asList(true, false, null, true), column(call("=", BOOL, s, text("a")), b));
            assertEquals(Arrays.asList(false, true, null, false), column(call("<>", BOOL, s, text("a")), b));
            assertEquals(Arrays.asList(true, true, null, true), column(call("<", BOOL, s, text("c")), b));
            assertEquals(Arrays.asList(false, false, true, false), column(call("is null", BOOL, s), b));
            assertEquals(Arrays.asList(true, false, null, true), column(call(">", BOOL, text("ab"), s), b));
            assertEquals(Arrays.asList(false, true, null, false), column(call("=", BOOL, text("b"), s), b));
            assertEquals(Arrays.asList(null, null, null, null), column(call("=", BOOL, s, new Literal(null, t(TEXT))), b));
            assertEquals(Arrays.asList(true, true, null, true), column(call("=", BOOL, x, x), b));
            assertEquals(Arrays.asList(false, true, null, true), column(call(">", BOOL, x, f8(1.5)), b));
            assertEquals(Arrays.asList(0L, 2L, null, 5L), column(cast(x, INT8), b));
            assertEquals(Arrays.asList(1, 3, null, 6), column(call("+", INT4, x, i4(1)), b));
        }
    }

    @Test
    void paramsAreConverted() {
        ExecContext p = new ExecContext(allocator, Arrays.asList("42", 7, " 2024-01-01 00:00+00", "5 minutes", null, 3.5),
            ZoneId.of("UTC"), 0, 0, new AtomicBoolean(), 0);
        assertEquals(42, Functions.evaluateConstant(new ParamRef(0, t(INT4)), p));
        assertEquals(7L, Functions.evaluateConstant(new ParamRef(1, t(INT8)), p));
        assertEquals(1_704_067_200_000_000L, Functions.evaluateConstant(new ParamRef(2, t(TIMESTAMPTZ)), p));
        assertEquals("00:05:00", pg(new Literal(Functions.evaluateConstant(new ParamRef(3, t(INTERVAL)), p), t(INTERVAL))));
        assertEquals(null, Functions.evaluateConstant(new ParamRef(4, t(TEXT)), p));
        assertEquals(4, Functions.evaluateConstant(new ParamRef(5, t(INT4)), p));
        assertEquals("7", Functions.evaluateConstant(new ParamRef(1, t(TEXT)), p));
        assertEquals("42", Functions.evaluateConstant(new ParamRef(0, t(TEXT)), p));
    }

    @Test
    void sameTypeCastIsIdentity() {
        Expr x = new ColumnRef(0, t(INT4));
        assertSame(x, Functions.cast(x, t(INT4)));
    }
}
