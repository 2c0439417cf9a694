package io.epochdb.exec.agg;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.operator.SortKey;
import io.epochdb.exec.types.RowType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Picks the accumulator implementation for an aggregate call and its input types. */
public final class Accumulators {
    private Accumulators() {
    }

    /**
     * A new accumulator for {@code call} over rows of {@code input}. DISTINCT is applied here (a wrapper that
     * passes each group's first occurrence of a value on); FILTER is applied by the caller through group ids.
     */
    public static Accumulator create(AggCall call, RowType input, BufferAllocator allocator) {
        Accumulator base = createBase(call, input);
        if (call.distinct() && call.args().length > 0) {
            return new DistinctAccumulator(base, call.args(), input, allocator);
        }
        return base;
    }

    private static SqlType argType(AggCall call, RowType input, int i) {
        return input.type(call.args()[i]).type();
    }

    private static Accumulator createBase(AggCall call, RowType input) {
        String f = call.function().toLowerCase(java.util.Locale.ROOT);
        int[] args = call.args();
        switch (f) {
            case "count":
                return new CountAccumulator(args.length == 0 ? -1 : args[0]);
            case "sum":
            case "sum0":
            case "avg": {
                boolean avg = f.equals("avg");
                boolean zero = f.equals("sum0");
                SqlType t = argType(call, input, 0);
                if (t.isInteger()) {
                    return new IntegerSumAccumulator(args[0], KeyType.of(t), avg, call.resultType()).zeroWhenEmpty(zero);
                }
                if (t == SqlType.FLOAT4 || t == SqlType.FLOAT8) {
                    return new FloatSumAccumulator(args[0], t, avg, call.resultType()).zeroWhenEmpty(zero);
                }
                return new ObjectSumAccumulator(args[0], t, avg, call.resultType()).zeroWhenEmpty(zero);
            }
            case "min":
            case "max":
                return MinMaxAccumulator.create(args[0], f.equals("max"), argType(call, input, 0), call.resultType());
            case "string_agg":
            case "listagg":
                return new CollectAccumulator(args, call.ordering(), input, CollectedFunction.STRING_AGG, call.resultType());
            case "array_agg":
                return new CollectAccumulator(args, call.ordering(), input, CollectedFunction.ARRAY_AGG, call.resultType());
            case "percentile_cont":
            case "percentile_disc":
                return OrderedSetAccumulator.create(f.equals("percentile_cont") ? OrderedSetAccumulator.Kind.CONT
                    : OrderedSetAccumulator.Kind.DISC, call, input);
            case "mode":
                if (call.ordering().isEmpty() && args.length == 1) {
                    // mode(x) as Calcite spells it = mode() WITHIN GROUP (ORDER BY x)
                    return OrderedSetAccumulator.create(OrderedSetAccumulator.Kind.MODE, new AggCall(call.function(),
                        new int[0], call.distinct(), call.filterArg(), List.of(new SortKey(args[0], false, false)),
                        call.resultType()), input);
                }
                return OrderedSetAccumulator.create(OrderedSetAccumulator.Kind.MODE, call, input);
            default:
                return OtherAccumulators.create(f, call, input);
        }
    }

    /** Whether the function name is an aggregate this package implements. */
    public static boolean isSupported(String function) {
        return SUPPORTED.contains(function.toLowerCase(java.util.Locale.ROOT));
    }

    static final List<String> SUPPORTED = List.of("count", "sum", "sum0", "listagg", "grouping_id", "avg", "min", "max", "stddev", "stddev_samp",
        "stddev_pop", "variance", "var_samp", "var_pop", "corr", "covar_pop", "covar_samp", "regr_slope",
        "regr_intercept", "regr_count", "regr_r2", "regr_avgx", "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy",
        "bool_and", "bool_or", "every", "bit_and", "bit_or", "string_agg", "array_agg", "percentile_cont",
        "percentile_disc", "mode", "first", "last", "histogram", "single_value", "any_value", "grouping");

    static EpochException unsupported(String f) {
        return new EpochException(ErrorCode.UNDEFINED_FUNCTION, "aggregate function " + f + " is not supported");
    }
}
