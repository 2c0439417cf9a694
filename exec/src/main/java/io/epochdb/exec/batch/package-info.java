/**
 * The batch model: {@link io.epochdb.exec.batch.Batch} (equally long Arrow vectors), and the small utilities every
 * operator uses to build ({@link io.epochdb.exec.batch.BatchBuilder}), copy ({@link io.epochdb.exec.batch.Vectors})
 * and materialize ({@link io.epochdb.exec.batch.RowStore}) them.
 */
package io.epochdb.exec.batch;
