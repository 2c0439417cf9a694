/**
 * Value codecs keyed by PostgreSQL type OID: text and binary formats for DataRow, Bind parameters and COPY.
 * Text output is PostgreSQL 15's, byte for byte; binary formats are PostgreSQL's send/recv formats.
 */
package io.epochdb.pgwire.types;
