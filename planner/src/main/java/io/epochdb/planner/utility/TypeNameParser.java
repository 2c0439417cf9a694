package io.epochdb.planner.utility;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;

/** Parses a PostgreSQL type name in DDL ({@code double precision}, {@code varchar(20)}, {@code timestamptz}, {@code int[]}). */
public final class TypeNameParser {
    /** A parsed type; {@code serial} marks serial/bigserial (an integer with a sequence default). */
    public record Parsed(ColumnType type, boolean serial) {
    }

    private TypeNameParser() {
    }

    public static Parsed parse(TokenStream ts) {
        ts.accept("pg_catalog");
        ts.acceptSymbol(".");
        String w = ts.identifier();
        boolean serial = false;
        ColumnType t;
        switch (w) {
            case "int", "integer", "int4" -> t = ColumnType.of(SqlType.INT4);
            case "smallint", "int2" -> t = ColumnType.of(SqlType.INT2);
            case "bigint", "int8" -> t = ColumnType.of(SqlType.INT8);
            case "serial", "serial4" -> {
                t = ColumnType.of(SqlType.INT4);
                serial = true;
            }
            case "bigserial", "serial8" -> {
                t = ColumnType.of(SqlType.INT8);
                serial = true;
            }
            case "smallserial", "serial2" -> {
                t = ColumnType.of(SqlType.INT2);
                serial = true;
            }
            case "real", "float4" -> t = ColumnType.of(SqlType.FLOAT4);
            case "float8" -> t = ColumnType.of(SqlType.FLOAT8);
            case "float" -> {
                int p = optionalLength(ts, 53);
                t = ColumnType.of(p <= 24 ? SqlType.FLOAT4 : SqlType.FLOAT8);
            }
            case "double" -> {
                ts.expect("precision");
                t = ColumnType.of(SqlType.FLOAT8);
            }
            case "numeric", "decimal" -> {
                int p = 0;
                int s = 0;
                if (ts.acceptSymbol("(")) {
                    p = Integer.parseInt(ts.next().text());
                    if (ts.acceptSymbol(",")) {
                        s = Integer.parseInt(ts.next().text());
                    }
                    ts.expectSymbol(")");
                }
                t = ColumnType.numeric(p, s);
            }
            case "text" -> t = ColumnType.of(SqlType.TEXT);
            case "varchar" -> t = new ColumnType(SqlType.VARCHAR, optionalLength(ts, 0), 0);
            case "character", "char" -> {
                if (ts.accept("varying")) {
                    t = new ColumnType(SqlType.VARCHAR, optionalLength(ts, 0), 0);
                } else {
                    t = new ColumnType(SqlType.BPCHAR, optionalLength(ts, 1), 0);
                }
            }
            case "bpchar" -> t = new ColumnType(SqlType.BPCHAR, optionalLength(ts, 0), 0);
            case "boolean", "bool" -> t = ColumnType.of(SqlType.BOOL);
            case "bytea" -> t = ColumnType.of(SqlType.BYTEA);
            case "date" -> t = ColumnType.of(SqlType.DATE);
            case "time" -> {
                optionalLength(ts, 6);
                timeZoneSuffix(ts);
                t = ColumnType.of(SqlType.TIME);
            }
            case "timestamp" -> {
                optionalLength(ts, 6);
                t = ColumnType.of(timeZoneSuffix(ts) ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP);
            }
            case "timestamptz" -> {
                optionalLength(ts, 6);
                t = ColumnType.of(SqlType.TIMESTAMPTZ);
            }
            case "interval" -> {
                while (ts.peek() != null && ts.peek().kind() == io.epochdb.planner.parse.Token.Kind.WORD
                    && java.util.Set.of("year", "month", "day", "hour", "minute", "second", "to").contains(ts.peek().value())) {
                    ts.next();
                }
                optionalLength(ts, 6);
                t = ColumnType.of(SqlType.INTERVAL);
            }
            case "uuid" -> t = ColumnType.of(SqlType.UUID);
            case "json" -> t = ColumnType.of(SqlType.JSON);
            case "jsonb" -> t = ColumnType.of(SqlType.JSONB);
            case "name" -> t = ColumnType.of(SqlType.NAME);
            case "oid" -> t = ColumnType.of(SqlType.OID);
            default -> throw new EpochException(ErrorCode.UNDEFINED_OBJECT, "type \"" + w + "\" does not exist");
        }
        if (ts.isSymbol("[")) {
            while (ts.acceptSymbol("[")) {
                if (!ts.isSymbol("]")) {
                    ts.next();
                }
                ts.expectSymbol("]");
            }
            SqlType array = t.type().arrayType();
            if (array == null) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "arrays of type " + t + " are not supported");
            }
            t = ColumnType.of(array);
        } else if (ts.accept("array")) {
            t = ColumnType.of(t.type().arrayType());
        }
        return new Parsed(t, serial);
    }

    private static int optionalLength(TokenStream ts, int dflt) {
        if (ts.acceptSymbol("(")) {
            int n = Integer.parseInt(ts.next().text());
            ts.expectSymbol(")");
            return n;
        }
        return dflt;
    }

    private static boolean timeZoneSuffix(TokenStream ts) {
        if (ts.accept("with", "time", "zone")) {
            return true;
        }
        ts.accept("without", "time", "zone");
        return false;
    }
}
