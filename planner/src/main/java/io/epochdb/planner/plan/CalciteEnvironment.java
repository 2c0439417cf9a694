package io.epochdb.planner.plan;

import io.epochdb.planner.functions.PgOperatorTable;
import io.epochdb.planner.schema.PgTypeSystem;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import java.util.Properties;

/** Calcite configured the PostgreSQL way (STACK.md section 3): Babel parser, LENIENT conformance, lower-case folding. */
public final class CalciteEnvironment {
    static {
        // Calcite checks string literals against its default charset (ISO-8859-1) unless told otherwise.
        System.setProperty("calcite.default.charset", "UTF-8");
        System.setProperty("calcite.default.nationalcharset", "UTF-8");
        System.setProperty("calcite.default.collation.name", "UTF-8$en_US");
    }

    public static final SqlParser.Config PARSER = SqlParser.config()
        .withParserFactory(SqlBabelParserImpl.FACTORY)
        .withConformance(SqlConformanceEnum.LENIENT)
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withIdentifierMaxLength(1024);

    public static final SqlOperatorTable OPERATORS = new io.epochdb.planner.functions.ShadowingOperatorTable(
        SqlOperatorTables.chain(PgOperatorTable.table(),
        io.epochdb.planner.functions.CatalogOperatorTable.table(),
        io.epochdb.planner.functions.ExecFunctionTable.INSTANCE,
        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL)),
        concat(io.epochdb.planner.functions.StatisticalAggregates.ALL, io.epochdb.planner.gapfill.GapfillOperators.ALL));

    private static java.util.List<org.apache.calcite.sql.SqlOperator> concat(
            java.util.List<? extends org.apache.calcite.sql.SqlOperator> a, java.util.List<? extends org.apache.calcite.sql.SqlOperator> b) {
        java.util.List<org.apache.calcite.sql.SqlOperator> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public static final SqlValidator.Config VALIDATOR = SqlValidator.Config.DEFAULT
        .withConformance(SqlConformanceEnum.LENIENT)
        .withDefaultNullCollation(NullCollation.HIGH)
        .withIdentifierExpansion(true);

    private static final CalciteConnectionConfig CONNECTION_CONFIG;

    static {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.TO_LOWER.name());
        p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
        p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), SqlConformanceEnum.LENIENT.name());
        CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
    }

    private CalciteEnvironment() {
    }

    public static RelDataTypeFactory newTypeFactory() {
        return new JavaTypeFactoryImpl(PgTypeSystem.INSTANCE);
    }

    /** A catalog reader that resolves unqualified names through each schema of the search path in turn. */
    public static CalciteCatalogReader catalogReader(CalciteSchema root, List<List<String>> searchPath, RelDataTypeFactory f) {
        return new SearchPathCatalogReader(root, searchPath, f, CONNECTION_CONFIG);
    }

    private static final class SearchPathCatalogReader extends CalciteCatalogReader {
        SearchPathCatalogReader(CalciteSchema root, List<List<String>> paths, RelDataTypeFactory f, CalciteConnectionConfig c) {
            super(root, SqlNameMatchers.withCaseSensitive(true), paths, f, c);
        }
    }
}
