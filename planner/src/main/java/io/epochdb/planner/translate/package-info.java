/**
 * Translation of optimized Calcite plans into exec operators ({@link io.epochdb.planner.translate.RelTranslator},
 * {@link io.epochdb.planner.translate.RexTranslator}), including what the scans get pushed into them: the columns a
 * query needs and the range predicates chunk exclusion uses ({@link io.epochdb.planner.translate.ScanRangeExtractor}).
 */
package io.epochdb.planner.translate;
