package io.epochdb.planner.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.avatica.util.TimeUnit;

/**
 * PostgreSQL's {@code +} and {@code -} on dates and times: {@code date + int}, {@code date - date},
 * {@code timestamp - timestamp} (an interval), {@code date + interval} ... which Calcite's standard operators reject.
 * After parsing, {@link #REWRITER} replaces a standard + or - whose operands are datetime-typed by these operators;
 * numeric arithmetic keeps Calcite's own.
 */
public final class PgArithmetic {
    private PgArithmetic() {
    }

    public static final SqlBinaryOperator PLUS = new SqlBinaryOperator("+", SqlKind.PLUS, 40, true,
        PgArithmetic::plusType, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);
    public static final SqlBinaryOperator MINUS = new SqlBinaryOperator("-", SqlKind.MINUS, 40, true,
        PgArithmetic::minusType, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);

    private static boolean isDate(RelDataType t) {
        return t.getSqlTypeName() == SqlTypeName.DATE;
    }

    private static boolean isTimestamp(RelDataType t) {
        return t.getSqlTypeName() == SqlTypeName.TIMESTAMP || t.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static boolean isInterval(RelDataType t) {
        return SqlTypeUtil.isInterval(t);
    }

    private static RelDataType nullable(SqlOperatorBinding b, RelDataType t) {
        boolean n = b.getOperandType(0).isNullable() || b.getOperandType(1).isNullable();
        return b.getTypeFactory().createTypeWithNullability(t, n);
    }

    private static RelDataType interval(RelDataTypeFactory f) {
        return f.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
    }

    /** PostgreSQL types an untyped string literal beside a typed operand as that operand's type. */
    private static RelDataType unknownAs(RelDataType t, RelDataType other) {
        return SqlTypeUtil.isCharacter(t) && SqlTypeUtil.isNumeric(other) ? other : t;
    }

    private static RelDataType plusType(SqlOperatorBinding b) {
        RelDataType a = unknownAs(b.getOperandType(0), b.getOperandType(1));
        RelDataType c = unknownAs(b.getOperandType(1), b.getOperandType(0));
        RelDataTypeFactory f = b.getTypeFactory();
        if (isDate(a) && SqlTypeUtil.isIntType(c) || isDate(c) && SqlTypeUtil.isIntType(a)) {
            return nullable(b, f.createSqlType(SqlTypeName.DATE));
        }
        if (isDate(a) && c.getSqlTypeName() == SqlTypeName.TIME || isDate(c) && a.getSqlTypeName() == SqlTypeName.TIME) {
            return nullable(b, f.createSqlType(SqlTypeName.TIMESTAMP, 6));
        }
        if (isDate(a) && isInterval(c) || isDate(c) && isInterval(a)) {
            return nullable(b, f.createSqlType(SqlTypeName.TIMESTAMP, 6));
        }
        if (isTimestamp(a) && isInterval(c)) {
            return nullable(b, a);
        }
        if (isTimestamp(c) && isInterval(a)) {
            return nullable(b, c);
        }
        if (isInterval(a) && isInterval(c)) {
            return nullable(b, interval(f));
        }
        if (a.getSqlTypeName() == SqlTypeName.TIME && isInterval(c)) {
            return nullable(b, a);
        }
        return numericResult(b, a, c);
    }

    /** Calcite's numeric result, or for number +/- untyped literal, the number's type (the literal is cast to it). */
    private static RelDataType numericResult(SqlOperatorBinding b, RelDataType a, RelDataType c) {
        if (SqlTypeUtil.isCharacter(b.getOperandType(0)) && SqlTypeUtil.isNumeric(c)
            || SqlTypeUtil.isCharacter(b.getOperandType(1)) && SqlTypeUtil.isNumeric(a)) {
            return nullable(b, SqlTypeUtil.isCharacter(b.getOperandType(0)) ? c : a);
        }
        return ReturnTypes.NULLABLE_SUM.inferReturnType(b);
    }

    private static RelDataType minusType(SqlOperatorBinding b) {
        RelDataType a = unknownAs(b.getOperandType(0), b.getOperandType(1));
        RelDataType c = unknownAs(b.getOperandType(1), b.getOperandType(0));
        RelDataTypeFactory f = b.getTypeFactory();
        if (isDate(a) && isDate(c)) {
            return nullable(b, f.createSqlType(SqlTypeName.INTEGER));
        }
        if (isDate(a) && SqlTypeUtil.isIntType(c)) {
            return nullable(b, f.createSqlType(SqlTypeName.DATE));
        }
        if (isDate(a) && isInterval(c)) {
            return nullable(b, f.createSqlType(SqlTypeName.TIMESTAMP, 6));
        }
        if ((isTimestamp(a) || isDate(a)) && (isTimestamp(c) || isDate(c))) {
            return nullable(b, interval(f));
        }
        if (isTimestamp(a) && isInterval(c)) {
            return nullable(b, a);
        }
        if (isInterval(a) && isInterval(c)) {
            return nullable(b, interval(f));
        }
        if (a.getSqlTypeName() == SqlTypeName.TIME && (isInterval(c))) {
            return nullable(b, a);
        }
        if (a.getSqlTypeName() == SqlTypeName.TIME && c.getSqlTypeName() == SqlTypeName.TIME) {
            return nullable(b, interval(f));
        }
        return numericResult(b, a, c);
    }

    /**
     * Replaces every standard + and - by the PostgreSQL ones. They infer numeric results exactly as Calcite's
     * (NULLABLE_SUM) and add the datetime combinations, so the swap is safe for all operands.
     */
    public static final SqlShuttle REWRITER = new SqlShuttle() {
        @Override
        public SqlNode visit(SqlCall call) {
            SqlNode visited = super.visit(call);
            if (visited instanceof SqlBasicCall c && c.getOperandList().size() == 2) {
                if (c.getOperator() == SqlStdOperatorTable.PLUS) {
                    c.setOperator(PLUS);
                } else if (c.getOperator() == SqlStdOperatorTable.MINUS) {
                    c.setOperator(MINUS);
                }
            }
            return visited;
        }
    };
}
