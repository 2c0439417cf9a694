/** Function family: array. */
package io.epochdb.exec.expr.array;
