package io.epochdb.planner;

/**
 * One parsed SQL statement, not yet planned. {@link #sql()} is the statement's own text; {@link #isEmpty()} is true
 * for an empty or comment-only query (EmptyQueryResponse).
 */
public interface Statement {
    String sql();

    boolean isEmpty();

    /** The number of distinct {@code $n} parameters the text refers to (the highest n). */
    int parameterCount();
}
