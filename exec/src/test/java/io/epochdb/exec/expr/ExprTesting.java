package io.epochdb.exec.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.types.PgText;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base for expression tests: an allocator that must end at zero, and helpers to build and print expressions. */
public abstract class ExprTesting {
    protected BufferAllocator allocator;
    protected ExecContext ctx;
    protected ZoneId zone = ZoneId.of("UTC");

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator();
        ctx = context(zone);
    }

    protected ExecContext context(ZoneId z) {
        long now = 1_704_110_400_000_000L; // 2024-01-01 12:00:00 UTC
        return new ExecContext(allocator, List.of(), z, now, now, new AtomicBoolean(), 0);
    }

    protected void useZone(String z) {
        zone = ZoneId.of(z);
        ctx = context(zone);
    }

    @AfterEach
    void closeAllocator() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    public static ColumnType t(SqlType s) {
        return ColumnType.of(s);
    }

    /** A typed literal parsed from PostgreSQL text, like {@code '...'::type}; "NULL" gives a null. */
    protected Expr lit(String text, SqlType s) {
        if (text == null) {
            return new Literal(null, t(s));
        }
        return new Literal(PgText.parse(text, t(s), zone), t(s));
    }

    protected static Expr i4(int v) {
        return new Literal(v, t(SqlType.INT4));
    }

    protected static Expr i8(long v) {
        return new Literal(v, t(SqlType.INT8));
    }

    protected static Expr f8(double v) {
        return new Literal(v, t(SqlType.FLOAT8));
    }

    protected static Expr text(String v) {
        return new Literal(v, t(SqlType.TEXT));
    }

    protected static Expr call(String name, SqlType result, Expr... args) {
        return Functions.call(name, Arrays.asList(args), t(result));
    }

    protected Object value(Expr e) {
        return Functions.evaluateConstant(e, ctx);
    }

    /** The value as PostgreSQL text, or "NULL". */
    protected String pg(Expr e) {
        Object v = value(e);
        return v == null ? "NULL" : PgText.format(v, e.type(), zone);
    }

    protected void assertPg(String expected, Expr e) {
        assertEquals(expected, pg(e));
    }

    protected EpochException fails(String sqlState, Runnable r) {
        EpochException ex = assertThrows(EpochException.class, r::run);
        assertEquals(sqlState, ex.sqlState(), ex.getMessage());
        return ex;
    }
}
