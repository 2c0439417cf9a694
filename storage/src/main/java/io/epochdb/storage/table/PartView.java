package io.epochdb.storage.table;

import org.apache.arrow.vector.FieldVector;

/** The stored rows of one part as {@link RowConstraints} sees them: read-only, valid only during the call. */
interface PartView {
    /** The stored vector of the column at 0-based position {@code position}, or null when it reads as NULLs. */
    FieldVector column(int position);

    /**
     * The part's dictionary of a text column, or null when it has none (small block, too many values). It may cover
     * fewer rows than {@link #rowCount()} (a growing block) or more (rows appended after the snapshot).
     */
    TextDictionary dictionary(int position);

    /** Rows stored in the part (vectors may hold more capacity). */
    int rowCount();
}
