/**
 * What every layer shares and nothing that has behaviour: SQLSTATE error codes, the exception type,
 * the SQL type model (PostgreSQL type OIDs and their Arrow representation), and configuration.
 */
package io.epochdb.common;
