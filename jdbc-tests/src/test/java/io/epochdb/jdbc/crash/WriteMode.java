package io.epochdb.jdbc.crash;

/** How a writer sends one batch; every mode makes a batch exactly one transaction. */
enum WriteMode {
    /** {@code COPY ... FROM STDIN} in autocommit through pgjdbc's CopyManager; acknowledged when the copy returns. */
    COPY,
    /** BEGIN, several multi-row INSERTs, COMMIT (or now and then ROLLBACK); acknowledged when commit returns. */
    INSERT_TRANSACTION,
    /** One multi-row INSERT in autocommit; acknowledged when the statement returns. */
    INSERT_AUTOCOMMIT
}
