package io.epochdb.planner.gapfill;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Deep copies of parse trees. The validator rewrites nodes in place (identifier expansion), so a subquery used
 * twice must be two independent trees.
 */
final class SqlCopier extends SqlShuttle {
    private static final SqlCopier INSTANCE = new SqlCopier();

    static SqlNode copy(SqlNode node) {
        return node == null ? null : node.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        CallCopyingArgHandler handler = new CallCopyingArgHandler(call, true);
        call.getOperator().acceptCall(this, call, false, handler);
        return handler.result();
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        return id.clone(id.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlNodeList list) {
        SqlNodeList copy = new SqlNodeList(list.getParserPosition());
        for (SqlNode n : list) {
            copy.add(n == null ? null : n.accept(this));
        }
        return copy;
    }
}
