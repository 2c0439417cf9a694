package io.epochdb.exec.operator;

import static io.epochdb.exec.operator.TestSupport.concat;
import static io.epochdb.exec.operator.TestSupport.cond;
import static io.epochdb.exec.operator.TestSupport.row;
import static io.epochdb.exec.operator.TestSupport.rowType;
import static io.epochdb.exec.operator.TestSupport.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinOperatorsTest {
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

    static final RowType L = rowType(SqlType.INT4, SqlType.TEXT);
    static final RowType R = rowType(SqlType.INT4, SqlType.TEXT);

    static List<List<Object>> left() {
        return List.of(row(1, "l1"), row(2, "l2"), row(2, "l2b"), row(null, "lnull"), row(4, "l4"));
    }

    static List<List<Object>> right() {
        return List.of(row(2, "r2"), row(2, "r2b"), row(3, "r3"), row(null, "rnull"), row(1, "r1"));
    }

    static List<String> lines(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                sb.append(i > 0 ? "|" : "").append(r.get(i) == null ? "" : r.get(i));
            }
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }

    private List<String> hash(JoinKind kind, Expr residual) {
        RowType out = kind == JoinKind.SEMI || kind == JoinKind.ANTI ? L : concat(L, R);
        return lines(Operators.drain(new HashJoinOperator(source(L, left()), source(R, right(), 2), new int[] {0},
            new int[] {0}, kind, residual, out), ctx));
    }

    private List<String> loop(JoinKind kind, Expr residual) {
        RowType out = kind == JoinKind.SEMI || kind == JoinKind.ANTI ? L : concat(L, R);
        Expr eq = cond(r -> r.get(0) == null || r.get(2) == null ? null : r.get(0).equals(r.get(2)));
        Expr c = residual == null ? eq : cond(r -> {
            Boolean a = r.get(0) == null || r.get(2) == null ? null : r.get(0).equals(r.get(2));
            return Boolean.TRUE.equals(a) && !((String) r.get(3)).endsWith("b");
        });
        return lines(Operators.drain(new NestedLoopJoinOperator(source(L, left()), source(R, right(), 2), kind, c, out),
            ctx));
    }

    @Test
    void allKindsHashAndNestedLoopAgree() {
        List<String> inner = List.of("1|l1|1|r1", "2|l2b|2|r2", "2|l2b|2|r2b", "2|l2|2|r2", "2|l2|2|r2b");
        assertEquals(inner, hash(JoinKind.INNER, null));
        assertEquals(inner, loop(JoinKind.INNER, null));
        List<String> leftJ = new ArrayList<>(inner);
        leftJ.addAll(List.of("4|l4||", "|lnull||"));
        leftJ.sort(null);
        assertEquals(leftJ, hash(JoinKind.LEFT, null));
        assertEquals(leftJ, loop(JoinKind.LEFT, null));
        List<String> rightJ = new ArrayList<>(inner);
        rightJ.addAll(List.of("||3|r3", "|||rnull"));
        rightJ.sort(null);
        assertEquals(rightJ, hash(JoinKind.RIGHT, null));
        assertEquals(rightJ, loop(JoinKind.RIGHT, null));
        List<String> full = new ArrayList<>(leftJ);
        full.addAll(List.of("||3|r3", "|||rnull"));
        full.sort(null);
        assertEquals(full, hash(JoinKind.FULL, null));
        assertEquals(full, loop(JoinKind.FULL, null));
        assertEquals(List.of("1|l1", "2|l2", "2|l2b"), hash(JoinKind.SEMI, null));
        assertEquals(List.of("1|l1", "2|l2", "2|l2b"), loop(JoinKind.SEMI, null));
        assertEquals(List.of("4|l4", "|lnull"), hash(JoinKind.ANTI, null));
        assertEquals(List.of("4|l4", "|lnull"), loop(JoinKind.ANTI, null));
    }

    @Test
    void residualDecidesMatches() {
        Expr notB = cond(r -> !((String) r.get(3)).endsWith("b"));
        assertEquals(List.of("1|l1|1|r1", "2|l2b|2|r2", "2|l2|2|r2"), hash(JoinKind.INNER, notB));
        assertEquals(List.of("1|l1|1|r1", "2|l2b|2|r2", "2|l2|2|r2", "4|l4||", "|lnull||"), hash(JoinKind.LEFT, notB));
        assertEquals(hash(JoinKind.FULL, notB), loop(JoinKind.FULL, notB));
        List<String> full = hash(JoinKind.FULL, notB);
        // r2b never passes the residual, so it comes back NULL-padded
        assertEquals(true, full.contains("|||rnull") && full.contains("||2|r2b") && full.contains("||3|r3"));
        assertEquals(List.of("1|l1", "2|l2", "2|l2b"), hash(JoinKind.SEMI, notB));
        Expr never = cond(r -> false);
        assertEquals(List.of("1|l1", "2|l2", "2|l2b", "4|l4", "|lnull"), hash(JoinKind.ANTI, never));
    }

    @Test
    void crossJoinAndEmptySides() {
        var cross = new NestedLoopJoinOperator(source(L, left()), source(R, right()), JoinKind.INNER, null, concat(L, R));
        assertEquals(25, Operators.drain(cross, ctx).size());
        var emptyRight = new HashJoinOperator(source(L, left()), source(R, List.of()), new int[] {0}, new int[] {0},
            JoinKind.LEFT, null, concat(L, R));
        assertEquals(5, Operators.drain(emptyRight, ctx).size());
        var emptyLeft = new HashJoinOperator(source(L, List.of()), source(R, right()), new int[] {0}, new int[] {0},
            JoinKind.FULL, null, concat(L, R));
        assertEquals(5, Operators.drain(emptyLeft, ctx).size());
        var antiEmpty = new NestedLoopJoinOperator(source(L, left()), source(R, List.of()), JoinKind.ANTI, null, L);
        assertEquals(5, Operators.drain(antiEmpty, ctx).size());
    }

    @Test
    void manyToManyLargerThanABatch() {
        List<List<Object>> l = new ArrayList<>();
        List<List<Object>> r = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            l.add(row(i % 3, "l" + i));
            r.add(row(i % 3, "r" + i));
        }
        var op = new HashJoinOperator(source(L, l, 100), source(R, r, 100), new int[] {0}, new int[] {0},
            JoinKind.INNER, null, concat(L, R));
        List<List<Object>> rows = Operators.drain(op, ctx);
        assertEquals(300 * 100, rows.size());
        for (List<Object> row : rows) {
            assertEquals(true, Objects.equals(row.get(0), row.get(2)));
        }
    }

    @Test
    void textAndTwoColumnKeys() {
        RowType t = rowType(SqlType.TEXT, SqlType.INT8);
        List<List<Object>> a = List.of(row("x", 1L), row("y", 2L), row("x", 2L), row(null, 1L));
        List<List<Object>> b = List.of(row("x", 2L), row("x", 1L), row("z", 1L), row(null, 1L));
        var one = new HashJoinOperator(source(t, a), source(t, b), new int[] {0}, new int[] {0}, JoinKind.INNER, null,
            concat(t, t));
        assertEquals(4, Operators.drain(one, ctx).size());
        var two = new HashJoinOperator(source(t, a), source(t, b), new int[] {0, 1}, new int[] {0, 1}, JoinKind.INNER,
            null, concat(t, t));
        assertEquals(List.of("x|1|x|1", "x|2|x|2"), lines(Operators.drain(two, ctx)));
    }

    @Test
    void integerKeysOfDifferentWidthsMatch() {
        RowType l = rowType(SqlType.INT4);
        RowType r = rowType(SqlType.INT8, SqlType.TEXT);
        var op = new HashJoinOperator(source(l, List.of(row(1), row(2), row((Object) null), row(-7))),
            source(r, List.of(row(2L, "two"), row(-7L, "minus"), row(4294967298L, "big"))), new int[] {0},
            new int[] {0}, JoinKind.INNER, null, TestSupport.concat(l, r));
        assertEquals(List.of("-7|-7|minus", "2|2|two"), lines(Operators.drain(op, ctx)));
    }
}
