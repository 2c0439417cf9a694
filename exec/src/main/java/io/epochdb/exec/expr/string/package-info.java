/** Function family: string. */
package io.epochdb.exec.expr.string;
