package io.epochdb.planner.plan;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.schema.EpochTable;
import io.epochdb.planner.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;

/**
 * Parses, validates and converts one query (SELECT, VALUES, WITH, INSERT/UPDATE/DELETE source queries) into an
 * optimized logical plan, without Janino: the cluster uses a proxying metadata provider (STACK.md section 5) and
 * no rule that compiles code.
 */
public final class QueryPlanner {
    private final CalciteSchema root;
    private final List<List<String>> searchPath;

    public QueryPlanner(CalciteSchema root, List<List<String>> searchPath) {
        this.root = root;
        this.searchPath = searchPath;
    }

    public static SqlNode parse(String calciteSql, String originalSql) {
        try {
            return SqlParser.create(calciteSql, CalciteEnvironment.PARSER).parseQuery();
        } catch (SqlParseException e) {
            throw PlannerErrors.fromParse(e, originalSql);
        }
    }

    /** Validates and plans a query; {@code paramOfPlaceholder} maps each '?' to its PostgreSQL parameter number. */
    public PlannedQuery plan(SqlNode parsed, List<Integer> paramOfPlaceholder, List<SqlType> declaredTypes) {
        Run run = new Run();
        SqlValidator validator = run.newValidator();
        // names are taken before validation, which rewrites calls (COALESCE becomes CASE)
        List<String> names = preValidationNames(parsed);
        InsertCasts.apply(parsed, run.reader);
        parsed = parsed.accept(io.epochdb.planner.functions.PgArithmetic.REWRITER);
        parsed = parsed.accept(io.epochdb.planner.gapfill.GapfillSqlRewriter.INSTANCE); // named args, record lookups
        parsed = parsed.accept(io.epochdb.planner.functions.TimeBucketSqlRewriter.INSTANCE); // named arguments
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (RuntimeException e) {
            EpochException ee = PlannerErrors.fromValidation(e);
            if (ee.code() == ErrorCode.NOT_NULL_VIOLATION && parsed instanceof org.apache.calcite.sql.SqlInsert insert
                && insert.getTargetTable() instanceof SqlIdentifier target) {
                // Calcite's message lacks the relation PostgreSQL names
                ee = new EpochException(ErrorCode.NOT_NULL_VIOLATION, ee.getMessage().replace("violates",
                    "of relation \"" + target.names.get(target.names.size() - 1) + "\" violates"), e);
            }
            throw ee;
        }
        RelDataType rowType = validator.getValidatedNodeType(validated);
        List<SqlType> paramTypes = parameterTypes(validator.getParameterRowType(validated), paramOfPlaceholder, declaredTypes);
        RelNode rel = run.toRel(validator, validated);
        List<ResultColumn> columns = resultColumns(names, rowType, rel);
        return new PlannedQuery(rel, columns, paramTypes, paramOfPlaceholder);
    }

    /** PostgreSQL-style names of the select items, or null when the list has a star (names come from the row type). */
    private static List<String> preValidationNames(SqlNode parsed) {
        List<SqlNode> items = selectList(parsed);
        if (items == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (SqlNode item : items) {
            if (item instanceof SqlIdentifier id && id.isStar()) {
                return null;
            }
            names.add(pgColumnName(item));
        }
        return names;
    }

    /** One planning: a type factory, catalog reader and cluster shared by the query and the views it expands. */
    private final class Run implements RelOptTable.ViewExpander {
        final RelDataTypeFactory typeFactory = CalciteEnvironment.newTypeFactory();
        final CalciteCatalogReader reader = CalciteEnvironment.catalogReader(root, searchPath, typeFactory);
        final RelOptCluster cluster;

        Run() {
            HepPlanner hep = new HepPlanner(new HepProgramBuilder().build());
            // (catalog work) no constant folding through Calcite's Janino executor: RelBuilder's simplifier would
            // otherwise compile casts such as 'cpu'::regclass and fail; exec folds literal casts itself
            hep.setExecutor((rexBuilder, constExps, reducedValues) -> reducedValues.addAll(constExps));
            cluster = RelOptCluster.create(hep, new RexBuilder(typeFactory));
            cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(
                new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE)));
        }

        SqlValidator newValidator() {
            return SqlValidatorUtil.newValidator(CalciteEnvironment.OPERATORS, reader, typeFactory, CalciteEnvironment.VALIDATOR);
        }

        RelNode toRel(SqlValidator validator, SqlNode validated) {
            // sub-queries stay RexSubQuery nodes and are removed by SubQueryRemoveRule below: the expanding
            // converter cannot handle ANY/ALL (= ANY (SELECT ...), > ALL (SELECT ...))
            SqlToRelConverter.Config config = SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false)
                .withInSubQueryThreshold(Integer.MAX_VALUE);
            SqlToRelConverter converter = new SqlToRelConverter(this, validator, reader, cluster,
                io.epochdb.planner.functions.WindowAggregateConvertlets.INSTANCE, config);
            RelRoot relRoot;
            try {
                relRoot = converter.convertQuery(validated, false, true);
            } catch (RuntimeException e) {
                throw PlannerErrors.fromValidation(e);
            }
            RelNode rel = relRoot.project();
            HepPlanner subQueries = new HepPlanner(new HepProgramBuilder().addRuleCollection(List.of(
                CoreRules.FILTER_SUB_QUERY_TO_CORRELATE, CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)).build());
            subQueries.setRoot(rel);
            rel = subQueries.findBestExp();
            RelBuilder relBuilder = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(cluster, reader);
            rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
            // TimescaleDB gap filling: a GapFill node above GROUP BY time_bucket_gapfill, before rules move filters
            rel = io.epochdb.planner.gapfill.GapfillPlanRewriter.rewrite(rel);
            return optimize(rel);
        }

        @Override
        public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath, List<String> viewPath) {
            io.epochdb.planner.parse.CalciteSqlRewriter.Result r = io.epochdb.planner.parse.CalciteSqlRewriter.rewrite(queryString);
            SqlValidator validator = newValidator();
            SqlNode validated;
            try {
                validated = validator.validate(parse(r.sql(), queryString));
            } catch (RuntimeException e) {
                throw PlannerErrors.fromValidation(e);
            }
            return RelRoot.of(toRel(validator, validated), SqlKind.SELECT);
        }
    }

    private static RelNode optimize(RelNode rel) {
        HepProgramBuilder b = new HepProgramBuilder();
        b.addRuleCollection(List.of(CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE,
            CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH));
        // window functions (RexOver in a projection) become Window nodes the translator runs with WindowOperator
        b.addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);
        HepPlanner hep = new HepPlanner(b.build());
        hep.setRoot(rel);
        return hep.findBestExp();
    }

    private static List<SqlType> parameterTypes(RelDataType paramRow, List<Integer> paramOfPlaceholder, List<SqlType> declared) {
        int count = 0;
        for (int p : paramOfPlaceholder) {
            count = Math.max(count, p);
        }
        count = Math.max(count, declared.size());
        List<SqlType> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SqlType d = i < declared.size() ? declared.get(i) : null;
            types.add(d == null || d == SqlType.UNKNOWN ? null : d);
        }
        List<RelDataTypeField> fields = paramRow.getFieldList();
        for (int i = 0; i < fields.size() && i < paramOfPlaceholder.size(); i++) {
            int p = paramOfPlaceholder.get(i) - 1;
            if (types.get(p) == null) {
                RelDataType t = fields.get(i).getType();
                types.set(p, t.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.UNKNOWN
                    || t.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL
                    ? SqlType.TEXT : TypeMapping.toColumnType(t).type());
            }
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null) {
                types.set(i, SqlType.TEXT);
            }
        }
        return types;
    }

    // --- result column names, PostgreSQL style ------------------------------------------------------------------

    private static List<ResultColumn> resultColumns(List<String> names, RelDataType rowType, RelNode rel) {
        if (rel instanceof org.apache.calcite.rel.core.TableModify) {
            return List.of();
        }
        List<RelDataTypeField> fields = rowType.getFieldList();
        List<ResultColumn> out = new ArrayList<>();
        boolean useNames = names != null && names.size() == fields.size();
        for (int i = 0; i < fields.size(); i++) {
            RelDataTypeField f = fields.get(i);
            String name = useNames ? names.get(i) : f.getName();
            if (name.matches("EXPR\\$\\d+")) {
                name = "?column?";
            }
            ColumnType type = TypeMapping.toColumnType(rel.getRowType().getFieldList().get(i).getType());
            int[] origin = origin(rel, i);
            out.add(new ResultColumn(name, type, origin[0], origin[1]));
        }
        return out;
    }

    /** Table OID and attribute number of a result column that is a plain table column (else zeros). */
    private static int[] origin(RelNode rel, int i) {
        try {
            RelMetadataQuery mq = rel.getCluster().getMetadataQuery();
            org.apache.calcite.rel.metadata.RelColumnOrigin o = mq.getColumnOrigin(rel, i);
            if (o != null && !o.isDerived()) {
                EpochTable t = o.getOriginTable().unwrap(EpochTable.class);
                if (t != null && o.getOriginColumnOrdinal() < t.def().columns().size()) {
                    return new int[] {t.def().oid(), t.def().columns().get(o.getOriginColumnOrdinal()).attnum()};
                }
            }
        } catch (RuntimeException ignored) {
            // origin is optional information for RowDescription
        }
        return new int[] {0, 0};
    }

    private static List<SqlNode> selectList(SqlNode node) {
        if (node instanceof SqlOrderBy ob) {
            return selectList(ob.query);
        }
        if (node instanceof SqlWith w) {
            return selectList(w.body);
        }
        if (node instanceof SqlSelect s) {
            return s.getSelectList().getList();
        }
        if (node instanceof SqlCall c && (c.getKind() == SqlKind.UNION || c.getKind() == SqlKind.INTERSECT
            || c.getKind() == SqlKind.EXCEPT)) {
            return selectList(c.operand(0));
        }
        return null;
    }

    /** PostgreSQL's FigureColname: column name, function name, type name of a cast, else ?column?. */
    static String pgColumnName(SqlNode item) {
        if (item instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            SqlNode alias = call.operand(1);
            String a = alias.toString();
            if (!a.matches("EXPR\\$\\d+")) {
                return ((SqlIdentifier) alias).getSimple();
            }
            return pgColumnName(call.operand(0));
        }
        if (item instanceof SqlIdentifier id) {
            return id.names.get(id.names.size() - 1);
        }
        if (item instanceof SqlCall call) {
            switch (call.getKind()) {
                case CAST: {
                    String inner = figure(call.operand(0));
                    if (inner != null) {
                        return inner;
                    }
                    SqlNode type = call.operand(1);
                    return pgTypeName(type.toString());
                }
                case CASE:
                    return "case";
                case OTHER_FUNCTION:
                case AVG: case SUM: case COUNT: case MIN: case MAX: case STDDEV_POP: case STDDEV_SAMP:
                case VAR_POP: case VAR_SAMP: case COALESCE: case NULLIF: case GREATEST: case LEAST:
                case FLOOR: case CEIL: case TRIM: case POSITION: case EXTRACT: case ROW_NUMBER: case RANK:
                case DENSE_RANK: case LAG: case LEAD: case FIRST_VALUE: case LAST_VALUE: case ARRAY_AGG:
                case STRING_AGG: case PERCENTILE_CONT: case PERCENTILE_DISC: case MODE: case ANY_VALUE:
                case BIT_AND: case BIT_OR: case NTILE: case CUME_DIST: case PERCENT_RANK: case NTH_VALUE:
                case ARRAY_VALUE_CONSTRUCTOR:
                    return functionName(call);
                case OVER:
                case FILTER:
                case WITHIN_GROUP:
                    return pgColumnName(call.operand(0));
                default:
                    if (call.getOperator() instanceof org.apache.calcite.sql.SqlFunction) {
                        return functionName(call);
                    }
                    return "?column?";
            }
        }
        return "?column?";
    }

    /** A strong name (column or function), as PostgreSQL's FigureColname; casts and literals give none. */
    private static String figure(SqlNode n) {
        if (n instanceof SqlIdentifier id) {
            return id.names.get(id.names.size() - 1);
        }
        if (n instanceof SqlLiteral || n instanceof SqlCall c && c.getKind() == SqlKind.CAST) {
            return null;
        }
        String name = pgColumnName(n);
        return "?column?".equals(name) ? null : name;
    }

    private static String functionName(SqlCall call) {
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "array" -> "array";
            case "substring" -> "substring";
            case "char_length", "character_length" -> name;
            default -> name;
        };
    }

    private static String pgTypeName(String calciteType) {
        String t = calciteType.toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "");
        int paren = t.indexOf('(');
        if (paren > 0) {
            t = t.substring(0, paren);
        }
        return switch (t.trim()) {
            case "integer", "int" -> "int4";
            case "bigint" -> "int8";
            case "smallint" -> "int2";
            case "double", "double precision", "float" -> "float8";
            case "real" -> "float4";
            case "boolean" -> "bool";
            case "varchar", "character varying", "char", "character" -> "varchar";
            case "decimal" -> "numeric";
            case "pginterval" -> "interval";
            case "timestamp with local time zone" -> "timestamptz";
            default -> t.trim();
        };
    }

    /** Finds the tables a plan reads, for tests and EXPLAIN. */
    public static List<EpochTable> tablesOf(RelNode rel) {
        List<EpochTable> out = new ArrayList<>();
        new org.apache.calcite.rel.RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof TableScan ts) {
                    EpochTable t = ts.getTable().unwrap(EpochTable.class);
                    if (t != null) {
                        out.add(t);
                    }
                }
                super.visit(node, ordinal, parent);
            }
        }.go(rel);
        return out;
    }

    static EpochException unsupported(String what) {
        return new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported");
    }

    static boolean isBasicCall(SqlNode n) {
        return n instanceof SqlBasicCall;
    }

    static SqlNodeList empty() {
        return SqlNodeList.EMPTY;
    }
}
