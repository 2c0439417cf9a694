package io.epochdb.planner.engine;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.operator.ValuesOperator;
import io.epochdb.exec.types.RowType;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.result.OperatorResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Small results computed by the planner itself (SHOW, EXPLAIN, FETCH) returned as rows. */
final class Rows {
    private Rows() {
    }

    static QueryResult result(SessionImpl session, List<ResultColumn> columns, List<List<Object>> rows, String tag) {
        List<RowType.Field> fields = new ArrayList<>();
        for (ResultColumn c : columns) {
            fields.add(new RowType.Field(c.name(), c.type()));
        }
        List<List<Expr>> exprRows = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Expr> exprs = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                exprs.add(new Literal(row.get(i), columns.get(i).type()));
            }
            exprRows.add(exprs);
        }
        BufferAllocator allocator = session.newQueryAllocator();
        ExecContext ctx = session.newContext(allocator, List.of());
        return new OperatorResult(new ValuesOperator(new RowType(fields), exprRows), columns, ctx,
            n -> tag.equals("SELECT") || tag.equals("FETCH") || tag.equals("MOVE") ? tag + " " + n : tag,
            failure -> allocator.close());
    }
}
