/** Function family: datetime. */
package io.epochdb.exec.expr.datetime;
