/**
 * SQL logic tests in the style of PostgreSQL's regression tests: {@code sql/<area>.sql} runs statement by statement
 * through pgjdbc, its output is rendered like {@code psql -X -A -F '|'} and compared with
 * {@code expected/<area>.out}, which was recorded from a real PostgreSQL 15 ({@link io.epochdb.jdbc.slt.SqlLogicTest}
 * says how to record again).
 */
package io.epochdb.jdbc.slt;
