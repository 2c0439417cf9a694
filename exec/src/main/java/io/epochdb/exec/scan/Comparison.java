package io.epochdb.exec.scan;

/** A comparison between a column expression (left) and a value (right), as pushed into a scan. */
public enum Comparison {
    EQ("="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The same comparison with its operands swapped ({@code v < col} is {@code col > v}). */
    public Comparison flip() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            case EQ -> EQ;
        };
    }

    boolean boundsBelow() {
        return this == EQ || this == GT || this == GE;
    }

    boolean boundsAbove() {
        return this == EQ || this == LT || this == LE;
    }

    boolean strict() {
        return this == LT || this == GT;
    }
}
