package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code SELECT DISTINCT ON (keys)}: over input sorted so that equal keys are adjacent (PostgreSQL requires the
 * ORDER BY to start with the DISTINCT ON expressions), keeps the first row of each run of equal keys. NULL keys
 * are equal to each other, as in PostgreSQL.
 */
public final class DistinctOnOperator implements Operator {
    private final Operator input;
    private final int[] keys;
    private ExecContext ctx;
    private Object[] previous;

    public DistinctOnOperator(Operator input, int[] keys) {
        this.input = Objects.requireNonNull(input, "input");
        this.keys = keys.clone();
    }

    @Override
    public RowType rowType() {
        return input.rowType();
    }

    @Override
    public void open(ExecContext context) {
        this.ctx = context;
        input.open(context);
    }

    @Override
    public Batch next() {
        Batch b;
        while ((b = input.next()) != null) {
            try (Batch in = b) {
                ctx.checkCancelled();
                int n = in.rowCount();
                boolean[] keep = new boolean[n];
                int kept = 0;
                for (int r = 0; r < n; r++) {
                    Object[] key = new Object[keys.length];
                    for (int k = 0; k < keys.length; k++) {
                        key[k] = ArrowTypes.get(in.column(keys[k]), r, rowType().type(keys[k]).type());
                    }
                    if (previous == null || !Arrays.deepEquals(previous, key)) {
                        keep[r] = true;
                        kept++;
                        previous = key;
                    }
                }
                if (kept == 0) {
                    continue;
                }
                List<FieldVector> out = new ArrayList<>();
                try {
                    for (FieldVector v : in.columns()) {
                        FieldVector copy = v.getField().createVector(ctx.allocator());
                        copy.setInitialCapacity(kept);
                        copy.allocateNew();
                        int j = 0;
                        for (int r = 0; r < n; r++) {
                            if (keep[r]) {
                                copy.copyFromSafe(r, j++, v);
                            }
                        }
                        copy.setValueCount(kept);
                        out.add(copy);
                    }
                } catch (RuntimeException e) {
                    out.forEach(FieldVector::close);
                    throw e;
                }
                return new Batch(out, kept);
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}
