package io.epochdb.planner.functions;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's convertlets, except that avg, stddev and variance stay aggregate calls inside OVER. Calcite rewrites
 * them there into sums and counts (sqrt((sum(x*x) - sum(x)^2/count(x)) / count(x))), which loses PostgreSQL's
 * numeric result scales (0 printed as 0.00000000000000000000, 1.5 for 1.5000000000000000) and float8_accum's
 * rounding; exec's accumulators compute them as PostgreSQL does, in windows as in GROUP BY.
 */
public final class WindowAggregateConvertlets implements SqlRexConvertletTable {
    public static final WindowAggregateConvertlets INSTANCE = new WindowAggregateConvertlets();

    private static final Set<SqlKind> KEPT = EnumSet.of(SqlKind.AVG, SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP,
        SqlKind.VAR_POP, SqlKind.VAR_SAMP);
    private static final SqlRexConvertlet AS_IS = StandardConvertletTable.INSTANCE::convertCall;

    private WindowAggregateConvertlets() {
    }

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        if (KEPT.contains(call.getKind()) && call.getOperator() instanceof SqlAggFunction) {
            return AS_IS;
        }
        return StandardConvertletTable.INSTANCE.get(call);
    }
}
