package io.epochdb.exec.operator;

/**
 * An input that reads its parts in the order of one column (newest first for {@code ORDER BY time DESC}) and can
 * tell, from the parts' statistics, when no row it has yet to return can come before a given value. A top-N sort
 * above it then stops reading once it holds its N rows and the rest cannot beat them: {@code ORDER BY time DESC
 * LIMIT 10} reads the newest segment or two, not the table.
 */
public interface OrderedPartSource {
    /** How many parts were started so far (a sort checks the bound once per new part). */
    int partsStarted();

    /**
     * True when every row not yet returned has a key value strictly after {@code threshold} in the order (below it
     * for descending, above for ascending); false when that is not known.
     */
    boolean restComesAfter(long threshold);
}
