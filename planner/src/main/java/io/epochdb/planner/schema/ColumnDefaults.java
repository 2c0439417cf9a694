package io.epochdb.planner.schema;

import io.epochdb.planner.parse.CalciteSqlRewriter;
import io.epochdb.planner.plan.CalciteEnvironment;
import io.epochdb.planner.plan.PlannerErrors;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/**
 * Column DEFAULTs for INSERT planning: Calcite asks for the default of every column an INSERT leaves out (or
 * names with DEFAULT); the stored PostgreSQL expression text is parsed, validated and converted here.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
    private final TableDef def;

    ColumnDefaults(TableDef def) {
        this.def = def;
    }

    @Override
    public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
        if (iColumn >= def.columns().size()) {
            return ColumnStrategy.NOT_NULLABLE; // the ctid row-id column
        }
        ColumnDef c = def.columns().get(iColumn);
        if (c.defaultSql() != null) {
            return ColumnStrategy.DEFAULT;
        }
        return c.notNull() ? ColumnStrategy.NOT_NULLABLE : ColumnStrategy.NULLABLE;
    }

    @Override
    public RexNode newColumnDefaultValue(RelOptTable table, int iColumn, InitializerContext context) {
        ColumnDef c = iColumn < def.columns().size() ? def.columns().get(iColumn) : null;
        if (c == null || c.defaultSql() == null) {
            return super.newColumnDefaultValue(table, iColumn, context);
        }
        CalciteSqlRewriter.Result r = CalciteSqlRewriter.rewrite(c.defaultSql());
        SqlNode expr;
        try {
            expr = SqlParser.create(r.sql(), CalciteEnvironment.PARSER).parseExpression();
        } catch (SqlParseException e) {
            throw PlannerErrors.fromParse(e, c.defaultSql());
        }
        SqlValidator validator = SqlValidatorUtil.newValidator(CalciteEnvironment.OPERATORS,
            CalciteEnvironment.catalogReader(RootSchemas.typesOnly(),
                java.util.List.of(java.util.List.of("pg_catalog"), java.util.List.of()), context.getRexBuilder().getTypeFactory()),
            context.getRexBuilder().getTypeFactory(), CalciteEnvironment.VALIDATOR);
        SqlNode validated = validator.validateParameterizedExpression(expr, Map.of());
        RexNode value = context.convertExpression(validated);
        return context.getRexBuilder().makeCast(table.getRowType().getFieldList().get(iColumn).getType(), value, true, false);
    }
}
