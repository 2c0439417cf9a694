/** Function family: math. */
package io.epochdb.exec.expr.math;
