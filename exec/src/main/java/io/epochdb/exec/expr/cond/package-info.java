/** CASE, COALESCE, NULLIF, GREATEST and LEAST; branches only see the rows they apply to. */
package io.epochdb.exec.expr.cond;
