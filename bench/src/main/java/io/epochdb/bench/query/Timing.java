package io.epochdb.bench.query;

import java.util.Arrays;

/**
 * Wall-clock times of the timed runs of one query on one system, in milliseconds, or the error that stopped it.
 * {@code overBudget}: a run was slower than the per-run budget, so the repetitions stopped there.
 */
record Timing(double[] millis, boolean overBudget, String error) {
    static Timing failed(String error) {
        return new Timing(new double[0], false, error);
    }

    static Timing of(double[] millis, boolean overBudget) {
        return new Timing(millis, overBudget, null);
    }

    boolean ok() {
        return error == null && millis.length > 0;
    }

    int runs() {
        return millis.length;
    }

    double median() {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(millis).min().orElse(Double.NaN);
    }
}
