package io.epochdb.exec.operator;

import static io.epochdb.exec.operator.TestSupport.row;
import static io.epochdb.exec.operator.TestSupport.rowType;
import static io.epochdb.exec.operator.TestSupport.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.types.RowType;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SetOpOperatorTest {
    private RootAllocator allocator;
    private ExecContext ctx;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        ctx = ExecContext.simple(allocator);
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    static final RowType T = rowType(SqlType.INT4, SqlType.TEXT);

    static List<List<Object>> a() {
        return List.of(row(1, "a"), row(1, "a"), row(1, "a"), row(2, "b"), row(null, null), row(null, null), row(3, "c"));
    }

    static List<List<Object>> b() {
        return List.of(row(1, "a"), row(null, null), row(3, "x"), row(1, "a"));
    }

    private List<String> run(SetOpKind kind, boolean all) {
        return JoinOperatorsTest.lines(Operators.drain(
            new SetOpOperator(kind, all, List.of(source(T, a()), source(T, b(), 2)), T), ctx));
    }

    @Test
    void intersectAndExceptWithNullsEqual() {
        // checked against PostgreSQL 15
        assertEquals(List.of("1|a", "|"), run(SetOpKind.INTERSECT, false));
        assertEquals(List.of("1|a", "1|a", "|"), run(SetOpKind.INTERSECT, true));
        assertEquals(List.of("2|b", "3|c"), run(SetOpKind.EXCEPT, false));
        assertEquals(List.of("1|a", "2|b", "3|c", "|"), run(SetOpKind.EXCEPT, true));
    }

    @Test
    void threeInputsAndEmpty() {
        var op = new SetOpOperator(SetOpKind.EXCEPT, true,
            List.of(source(T, a()), source(T, b()), source(T, List.of(row(2, "b")))), T);
        assertEquals(List.of("1|a", "3|c", "|"), JoinOperatorsTest.lines(Operators.drain(op, ctx)));
        var empty = new SetOpOperator(SetOpKind.INTERSECT, false, List.of(source(T, a()), source(T, List.of())), T);
        assertEquals(List.of(), Operators.drain(empty, ctx));
    }
}
