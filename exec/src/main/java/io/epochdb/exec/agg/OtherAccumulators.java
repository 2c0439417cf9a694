package io.epochdb.exec.agg;

import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.types.RowType;

/** Factory for the statistical, boolean, bitwise and TimescaleDB aggregates. */
final class OtherAccumulators {
    private OtherAccumulators() {
    }

    static Accumulator create(String f, AggCall call, RowType input) {
        int[] args = call.args();
        switch (f) {
            case "stddev":
            case "stddev_samp":
            case "stddev_pop":
            case "variance":
            case "var_samp":
            case "var_pop": {
                String name = f.equals("stddev") ? "stddev_samp" : f.equals("variance") ? "var_samp" : f;
                return VarianceAccumulator.create(name, args[0], type(input, args[0]), call.resultType());
            }
            case "corr":
            case "covar_pop":
            case "covar_samp":
            case "regr_slope":
            case "regr_intercept":
            case "regr_count":
            case "regr_r2":
            case "regr_avgx":
            case "regr_avgy":
            case "regr_sxx":
            case "regr_syy":
            case "regr_sxy":
                return new RegressionAccumulator(f, args[0], args[1], type(input, args[0]), type(input, args[1]),
                    call.resultType());
            case "bool_and":
            case "every":
                return new BooleanAccumulator(args[0], true);
            case "bool_or":
                return new BooleanAccumulator(args[0], false);
            case "bit_and":
            case "bit_or":
                return new BitwiseAccumulator(args[0], f.equals("bit_and"), KeyType.of(type(input, args[0])),
                    call.resultType());
            case "first":
            case "last":
                return new FirstLastAccumulator(args[0], args[1], f.equals("last"), type(input, args[0]),
                    type(input, args[1]), call.resultType());
            case "histogram": {
                SqlType[] types = new SqlType[4];
                for (int i = 0; i < 4; i++) {
                    types[i] = type(input, args[i]);
                }
                return new HistogramAccumulator(args, types);
            }
            case "single_value":
                return new SingleValueAccumulator(args[0], type(input, args[0]), true, call.resultType());
            case "any_value":
                return new SingleValueAccumulator(args[0], type(input, args[0]), false, call.resultType());
            default:
                throw Accumulators.unsupported(f);
        }
    }

    private static SqlType type(RowType input, int col) {
        return input.type(col).type();
    }
}
