package io.epochdb.planner.plan;

import io.epochdb.common.types.ColumnType;
import io.epochdb.planner.schema.TypeMapping;
import java.util.List;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL resolves the values of {@code INSERT ... VALUES} against the target columns' types (an untyped
 * literal like '2024-01-01' becomes a timestamptz, {@code $1} takes the column's type). Calcite instead types
 * VALUES on its own and rejects rows of mixed types; wrapping each value in a cast to its column's type gives
 * PostgreSQL's behaviour.
 */
final class InsertCasts {
    private InsertCasts() {
    }

    static void apply(SqlNode parsed, Prepare.CatalogReader reader) {
        if (!(parsed instanceof SqlInsert insert) || !(insert.getSource() instanceof SqlBasicCall values)
            || values.getKind() != SqlKind.VALUES || !(insert.getTargetTable() instanceof SqlIdentifier target)) {
            return;
        }
        Prepare.PreparingTable table = reader.getTable(target.names);
        if (table == null) {
            return;
        }
        RelDataType rowType = table.getRowType();
        SqlNodeList columns = insert.getTargetColumnList();
        for (SqlNode rowNode : values.getOperandList()) {
            if (!(rowNode instanceof SqlCall row) || row.getKind() != SqlKind.ROW) {
                continue;
            }
            List<SqlNode> operands = row.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                RelDataTypeField field = field(rowType, columns, i);
                SqlNode value = operands.get(i);
                if (field == null || value == null || value.getKind() == SqlKind.DEFAULT) {
                    continue;
                }
                SqlTypeNameSpec spec = typeSpec(TypeMapping.toColumnType(field.getType()), field.getType());
                if (spec == null) {
                    continue;
                }
                SqlNode cast = SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, value,
                    new SqlDataTypeSpec(spec, SqlParserPos.ZERO));
                row.setOperand(i, cast);
            }
        }
    }

    private static RelDataTypeField field(RelDataType rowType, SqlNodeList columns, int i) {
        if (columns == null) {
            return i < rowType.getFieldCount() ? rowType.getFieldList().get(i) : null;
        }
        if (i >= columns.size()) {
            return null;
        }
        SqlIdentifier id = (SqlIdentifier) columns.get(i);
        return rowType.getField(id.getSimple(), true, false);
    }

    private static SqlTypeNameSpec typeSpec(ColumnType t, RelDataType relType) {
        SqlParserPos p = SqlParserPos.ZERO;
        return switch (t.type()) {
            case NUMERIC -> relType.getPrecision() > 0 && relType.getPrecision() < 1000
                ? new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, relType.getPrecision(), relType.getScale(), p)
                : new SqlUserDefinedTypeNameSpec("numeric", p);
            case TEXT, VARCHAR, BPCHAR -> new SqlUserDefinedTypeNameSpec("text", p);
            case INTERVAL -> new SqlUserDefinedTypeNameSpec("pginterval", p);
            case DATE -> new SqlBasicTypeNameSpec(SqlTypeName.DATE, p);
            case TIME -> new SqlBasicTypeNameSpec(SqlTypeName.TIME, 6, p);
            case TIMESTAMP -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 6, p);
            default -> t.type().isArray() ? null : new SqlUserDefinedTypeNameSpec(t.type().typname(), p);
        };
    }
}
