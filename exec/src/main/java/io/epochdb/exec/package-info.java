/**
 * The vectorized executor: batches of Arrow vectors, pull-based operators, expression kernels and aggregate
 * functions. Knows nothing about Calcite or sockets.
 */
package io.epochdb.exec;
