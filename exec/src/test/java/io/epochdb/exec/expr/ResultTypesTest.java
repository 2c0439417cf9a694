package io.epochdb.exec.expr;

import static io.epochdb.common.types.SqlType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.types.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTypesTest extends ExprTesting {
    private static ColumnType rt(String name, ColumnType... args) {
        return Functions.resultType(name, List.of(args));
    }

    @Test
    void postgresResultTypes() {
        assertEquals(t(INT4), rt("length", t(TEXT)));
        assertEquals(t(NUMERIC), rt("sqrt", t(NUMERIC)));
        assertEquals(t(FLOAT8), rt("sqrt", t(INT4)));
        assertEquals(t(INT8), rt("+", t(INT4), t(INT8)));
        assertEquals(t(INTERVAL), rt("-", t(TIMESTAMPTZ), t(TIMESTAMPTZ)));
        assertEquals(t(INT4), rt("-", t(DATE), t(DATE)));
        assertEquals(t(TIMESTAMP), rt("+", t(DATE), t(INTERVAL)));
        assertEquals(t(TIMESTAMPTZ), rt("time_bucket", t(INTERVAL), t(TIMESTAMPTZ), t(TEXT)));
        assertEquals(t(INT8), rt("time_bucket", t(INT8), t(INT8)));
        assertEquals(t(TIMESTAMP), rt("timezone", t(TEXT), t(TIMESTAMPTZ)));
        assertEquals(t(NUMERIC), rt("greatest", t(INT4), t(NUMERIC)));
        assertEquals(t(TEXT), rt("case", t(BOOL), t(TEXT), t(UNKNOWN)));
        assertEquals(t(INT4_ARRAY), rt("array", t(INT4), t(INT4)));
        assertEquals(t(NUMERIC), rt("round", t(NUMERIC), t(INT4)));
        assertEquals(t(FLOAT8), rt("round", t(FLOAT8)));
        assertNull(rt("no_such_function", t(INT4)));
        assertTrue(Functions.names().contains("time_bucket"));
    }

    @Test
    void boundCallsProduceTheDerivedType() {
        Expr e = call("sqrt", NUMERIC, lit("2", NUMERIC));
        assertEquals(t(NUMERIC), e.type());
        assertPg("1.414213562373095", e);
        assertPg("5", Functions.call("length", List.of(text("héllo")), rt("length", t(TEXT))));
    }
}
