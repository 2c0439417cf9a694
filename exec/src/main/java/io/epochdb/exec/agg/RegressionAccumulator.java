package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * corr, covar_pop, covar_samp and the regr_* family over (Y, X) pairs where both are non-null, following
 * PostgreSQL's float8_regr_accum (Youngs-Cramer) and its final functions exactly.
 */
final class RegressionAccumulator extends Accumulator {
    private final String function;
    private final int yArg;
    private final int xArg;
    private final DoubleReader yReader;
    private final DoubleReader xReader;
    private final ColumnType resultType;
    private double[] n = new double[16];
    private double[] sx = new double[16];
    private double[] sxx = new double[16];
    private double[] sy = new double[16];
    private double[] syy = new double[16];
    private double[] sxy = new double[16];

    RegressionAccumulator(String function, int yArg, int xArg, SqlType yType, SqlType xType, ColumnType resultType) {
        this.function = function;
        this.yArg = yArg;
        this.xArg = xArg;
        this.yReader = new DoubleReader(yType);
        this.xReader = new DoubleReader(xType);
        this.resultType = resultType;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > n.length) {
            int size = Math.max(groups, n.length * 2);
            n = Arrays.copyOf(n, size);
            sx = Arrays.copyOf(sx, size);
            sxx = Arrays.copyOf(sxx, size);
            sy = Arrays.copyOf(sy, size);
            syy = Arrays.copyOf(syy, size);
            sxy = Arrays.copyOf(sxy, size);
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector yv = batch.column(yArg);
        FieldVector xv = batch.column(xArg);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || yv.isNull(i) || xv.isNull(i)) {
                continue;
            }
            double y = yReader.get(yv, i);
            double x = xReader.get(xv, i);
            double oldN = n[g];
            double newN = oldN + 1.0;
            double newSx = sx[g] + x;
            double newSy = sy[g] + y;
            if (oldN > 0.0) {
                double tmpX = x * newN - newSx;
                double tmpY = y * newN - newSy;
                double scale = 1.0 / (newN * oldN);
                double newSxx = sxx[g] + tmpX * tmpX * scale;
                double newSyy = syy[g] + tmpY * tmpY * scale;
                double newSxy = sxy[g] + tmpX * tmpY * scale;
                if (Double.isInfinite(newSx) || Double.isInfinite(newSxx) || Double.isInfinite(newSy)
                    || Double.isInfinite(newSyy) || Double.isInfinite(newSxy)) {
                    // float8_regr_accum: overflow from finite inputs is an error, infinite inputs give NaN sums
                    boolean finiteX = !Double.isInfinite(sx[g]) && !Double.isInfinite(x);
                    boolean finiteY = !Double.isInfinite(sy[g]) && !Double.isInfinite(y);
                    if (((Double.isInfinite(newSx) || Double.isInfinite(newSxx)) && finiteX)
                        || ((Double.isInfinite(newSy) || Double.isInfinite(newSyy)) && finiteY)
                        || (Double.isInfinite(newSxy) && finiteX && finiteY)) {
                        throw PgFloat.overflow();
                    }
                    newSxx = Double.isInfinite(newSxx) ? Double.NaN : newSxx;
                    newSyy = Double.isInfinite(newSyy) ? Double.NaN : newSyy;
                    newSxy = Double.isInfinite(newSxy) ? Double.NaN : newSxy;
                }
                sxx[g] = newSxx;
                syy[g] = newSyy;
                sxy[g] = newSxy;
            } else {
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    sxx[g] = Double.NaN;
                    sxy[g] = Double.NaN;
                }
                if (Double.isNaN(y) || Double.isInfinite(y)) {
                    syy[g] = Double.NaN;
                    sxy[g] = Double.NaN;
                }
            }
            n[g] = newN;
            sx[g] = newSx;
            sy[g] = newSy;
        }
    }

    private Object result(int g) {
        double cnt = n[g];
        switch (function) {
            case "regr_count":
                return (long) cnt;
            case "covar_pop":
                return cnt < 1 ? null : sxy[g] / cnt;
            case "covar_samp":
                return cnt < 2 ? null : sxy[g] / (cnt - 1.0);
            case "corr":
                if (cnt < 1 || sxx[g] == 0 || syy[g] == 0) {
                    return null;
                }
                return sxy[g] / Math.sqrt(sxx[g] * syy[g]);
            case "regr_r2":
                if (cnt < 1 || sxx[g] == 0) {
                    return null;
                }
                if (syy[g] == 0) {
                    return 1.0;
                }
                return (sxy[g] * sxy[g]) / (sxx[g] * syy[g]);
            case "regr_slope":
                return cnt < 1 || sxx[g] == 0 ? null : sxy[g] / sxx[g];
            case "regr_intercept":
                return cnt < 1 || sxx[g] == 0 ? null : (sy[g] - sx[g] * sxy[g] / sxx[g]) / cnt;
            case "regr_avgx":
                return cnt < 1 ? null : sx[g] / cnt;
            case "regr_avgy":
                return cnt < 1 ? null : sy[g] / cnt;
            case "regr_sxx":
                return cnt < 1 ? null : sxx[g];
            case "regr_syy":
                return cnt < 1 ? null : syy[g];
            case "regr_sxy":
                return cnt < 1 ? null : sxy[g];
            default:
                throw Accumulators.unsupported(function);
        }
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        Results.writeObject(out, row, result(group), resultType);
    }

    @Override
    public void reset() {
        Arrays.fill(n, 0);
        Arrays.fill(sx, 0);
        Arrays.fill(sxx, 0);
        Arrays.fill(sy, 0);
        Arrays.fill(syy, 0);
        Arrays.fill(sxy, 0);
    }
}
