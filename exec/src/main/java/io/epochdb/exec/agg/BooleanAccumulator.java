package io.epochdb.exec.agg;

import io.epochdb.exec.batch.Batch;
import java.util.Arrays;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** bool_and / every (and = true) and bool_or (and = false); NULLs ignored, no rows gives NULL. */
final class BooleanAccumulator extends Accumulator {
    private final int arg;
    private final boolean and;
    /** 0 = no rows, 1 = true, 2 = false. */
    private byte[] state = new byte[16];

    BooleanAccumulator(int arg, boolean and) {
        this.arg = arg;
        this.and = and;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > state.length) {
            state = Arrays.copyOf(state, Math.max(groups, state.length * 2));
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        BitVector v = (BitVector) batch.column(arg);
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0 || v.isNull(i)) {
                continue;
            }
            boolean x = v.get(i) != 0;
            byte s = state[g];
            boolean cur = s == 0 ? x : (and ? (s == 1) && x : (s == 1) || x);
            state[g] = (byte) (cur ? 1 : 2);
        }
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        byte s = state[group];
        if (s == 0) {
            Results.writeNull(out, row);
        } else {
            ((BitVector) out).setSafe(row, s == 1 ? 1 : 0);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(state, (byte) 0);
    }
}
