/**
 * Value-level type support for the executor: PostgreSQL's text input/output ({@link io.epochdb.exec.types.PgText}),
 * numeric conversion rules, value ordering, and the operator output description {@code RowType}.
 */
package io.epochdb.exec.types;
