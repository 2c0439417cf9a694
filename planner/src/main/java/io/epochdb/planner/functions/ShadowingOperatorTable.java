package io.epochdb.planner.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * An operator table that lets some of EpochDB's operators replace Calcite's operators of the same name. Calcite's
 * standard table matches names case-insensitively, so {@code percentile_cont} finds both PostgreSQL's form and
 * Calcite's; two candidates leave the call unresolved, and WITHIN GROUP then rejects it. When a lookup yields one
 * of the shadowing operators, every other operator of that name is dropped.
 */
public final class ShadowingOperatorTable implements SqlOperatorTable {
    private final SqlOperatorTable delegate;
    private final Set<SqlOperator> shadowing;
    private final Set<String> names;

    public ShadowingOperatorTable(SqlOperatorTable delegate, List<? extends SqlOperator> shadowing) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.shadowing = Set.copyOf(shadowing);
        this.names = shadowing.stream().map(o -> o.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        List<SqlOperator> found = new ArrayList<>();
        delegate.lookupOperatorOverloads(opName, category, syntax, found, nameMatcher);
        if (opName.isSimple() && names.contains(opName.getSimple().toLowerCase(Locale.ROOT))
            && found.stream().anyMatch(shadowing::contains)) {
            found.removeIf(o -> !shadowing.contains(o));
        }
        operatorList.addAll(found);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return delegate.getOperatorList();
    }
}
