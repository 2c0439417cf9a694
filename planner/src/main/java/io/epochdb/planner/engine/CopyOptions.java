package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.planner.parse.Token;
import io.epochdb.planner.utility.TokenStream;

/** COPY's format options, from both the modern {@code WITH (FORMAT csv, ...)} and the old {@code CSV HEADER} syntax. */
final class CopyOptions {
    boolean csv;
    boolean binary;
    boolean header;
    char delimiter = '\t';
    String nullString = "\\N";
    char quote = '"';
    char escape = '"';
    private boolean delimiterSet;
    private boolean nullSet;
    private boolean escapeSet;

    static CopyOptions parse(TokenStream ts) {
        CopyOptions o = new CopyOptions();
        ts.accept("with");
        if (ts.acceptSymbol("(")) {
            do {
                String name = ts.identifier();
                String value = ts.isSymbol(",") || ts.isSymbol(")") ? "true" : valueOf(ts.next());
                o.set(name, value);
            } while (ts.acceptSymbol(","));
            ts.expectSymbol(")");
        } else {
            while (!ts.atEnd()) {
                String w = ts.next().value();
                switch (w) {
                    case "csv" -> o.set("format", "csv");
                    case "binary" -> o.set("format", "binary");
                    case "header" -> o.set("header", "true");
                    case "delimiter" -> {
                        ts.accept("as");
                        o.set("delimiter", ts.string());
                    }
                    case "null" -> {
                        ts.accept("as");
                        o.set("null", ts.string());
                    }
                    case "quote" -> {
                        ts.accept("as");
                        o.set("quote", ts.string());
                    }
                    case "escape" -> {
                        ts.accept("as");
                        o.set("escape", ts.string());
                    }
                    case "force", "encoding" -> ts.skipToEnd();
                    default -> throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + w + "\"");
                }
            }
        }
        o.finish();
        return o;
    }

    private static String valueOf(Token t) {
        return t.kind() == Token.Kind.WORD ? t.value() : t.kind() == Token.Kind.STRING ? t.value() : t.text();
    }

    private void set(String name, String value) {
        switch (name) {
            case "format" -> {
                switch (value) {
                    case "csv" -> csv = true;
                    case "text" -> csv = false;
                    case "binary" -> throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY format \"binary\" is not supported");
                    default -> throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY format \"" + value + "\" not recognized");
                }
            }
            case "header" -> header = !(value.equals("false") || value.equals("off") || value.equals("0"));
            case "delimiter" -> {
                if (value.length() != 1) {
                    throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY delimiter must be a single one-byte character");
                }
                delimiter = value.charAt(0);
                delimiterSet = true;
            }
            case "null" -> {
                nullString = value;
                nullSet = true;
            }
            case "quote" -> quote = value.charAt(0);
            case "escape" -> {
                escape = value.charAt(0);
                escapeSet = true;
            }
            case "encoding", "freeze", "force_quote", "force_not_null", "force_null" -> {
            }
            default -> throw new EpochException(ErrorCode.SYNTAX_ERROR, "option \"" + name + "\" not recognized");
        }
    }

    private void finish() {
        if (csv) {
            if (!delimiterSet) {
                delimiter = ',';
            }
            if (!nullSet) {
                nullString = "";
            }
            if (!escapeSet) {
                escape = quote;
            }
        }
    }
}
