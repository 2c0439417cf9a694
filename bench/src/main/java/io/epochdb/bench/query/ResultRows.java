package io.epochdb.bench.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A result set reduced to what two systems must agree on: one string per row (columns joined by {@code |}), sorted,
 * so row order the query leaves open does not count. Floating-point and numeric values are rounded to six significant
 * digits (the systems may sum in different orders), timestamps compared as instants (text formatting is the wire
 * tests' business), NULL as {@code NULL}.
 */
final class ResultRows {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private ResultRows() {
    }

    /** Reads every row of {@code rs}. */
    static List<String> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        int[] types = new int[columns];
        for (int i = 0; i < columns; i++) {
            types[i] = meta.getColumnType(i + 1);
        }
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        while (rs.next()) {
            row.setLength(0);
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    row.append('|');
                }
                row.append(value(rs, i + 1, types[i]));
            }
            rows.add(row.toString());
        }
        Collections.sort(rows);
        return rows;
    }

    private static String value(ResultSet rs, int column, int type) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return "NULL";
        }
        switch (type) {
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL -> {
                return roundedNumber(text);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                try {
                    return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
                } catch (SQLException | RuntimeException e) {
                    return text; // not parseable as a timestamp: compare the text, a mismatch will show it
                }
            }
            default -> {
                return text;
            }
        }
    }

    /** Six significant digits, plain notation, no trailing zeros; NaN and infinities as written. */
    static String roundedNumber(String text) {
        try {
            BigDecimal d = new BigDecimal(text).round(SIX_DIGITS).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
