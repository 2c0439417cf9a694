package io.epochdb.exec.operator;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.agg.GroupHashTable;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Equi-join that builds a hash table on the right input (keys numbered by a {@link GroupHashTable}, rows chained
 * per key in input order) and probes it with the left. NULL keys never match. {@code residual} (nullable) is
 * evaluated over the left columns followed by the right columns. Output: left then right columns (SEMI/ANTI: left
 * only); LEFT/RIGHT/FULL pad the missing side with NULLs.
 */
public final class HashJoinOperator extends AbstractJoinOperator {
    private final int[] leftKeys;
    private final int[] rightKeys;
    private GroupHashTable table;
    private int[] head;
    private int[] nextRow;
    private Batch probeBatch;
    /** Readers for the probe keys when some integer key widths differ between the sides, else null. */
    private KeyType[] probeOps;
    private List<FieldVector> probeKeys;

    public HashJoinOperator(Operator left, Operator right, int[] leftKeys, int[] rightKeys, JoinKind kind,
                            Expr residual, RowType rowType) {
        super(left, right, kind, residual, rowType);
        this.leftKeys = Objects.requireNonNull(leftKeys, "leftKeys").clone();
        this.rightKeys = Objects.requireNonNull(rightKeys, "rightKeys").clone();
        if (leftKeys.length != rightKeys.length) {
            throw new IllegalArgumentException("key count mismatch");
        }
    }

    @Override
    protected void buildIndex() {
        List<ColumnType> types = new ArrayList<>();
        for (int k : rightKeys) {
            types.add(right.rowType().type(k));
        }
        table = new GroupHashTable(types, ctx.allocator());
        KeyType[] po = new KeyType[leftKeys.length];
        boolean mixed = false;
        for (int k = 0; k < leftKeys.length; k++) {
            SqlType lt = left.rowType().type(leftKeys[k]).type();
            SqlType rt = right.rowType().type(rightKeys[k]).type();
            po[k] = KeyType.of(lt);
            if (lt != rt) {
                if (!po[k].isLong() || !KeyType.of(rt).isLong()) {
                    throw new EpochException(ErrorCode.INTERNAL_ERROR,
                        "hash join keys of different types: " + lt + " and " + rt);
                }
                mixed = true;
            }
        }
        probeOps = mixed ? po : null;
        int n = build.rowCount();
        nextRow = new int[n];
        head = new int[16];
        int[] tail = new int[16];
        Arrays.fill(head, -1);
        for (int b = 0; b < build.batchCount(); b++) {
            Batch batch = build.batch(b);
            int base = build.batchStart(b);
            List<FieldVector> kv = new ArrayList<>();
            for (int k : rightKeys) {
                kv.add(batch.column(k));
            }
            for (int i = 0; i < batch.rowCount(); i++) {
                int r = base + i;
                nextRow[r] = -1;
                if (GroupHashTable.anyNull(kv, i)) {
                    continue;
                }
                int g = table.findOrInsert(kv, i);
                if (g >= head.length) {
                    int old = head.length;
                    head = Arrays.copyOf(head, old * 2);
                    tail = Arrays.copyOf(tail, old * 2);
                    Arrays.fill(head, old, head.length, -1);
                }
                if (head[g] < 0) {
                    head[g] = r;
                } else {
                    nextRow[tail[g]] = r;
                }
                tail[g] = r;
            }
        }
    }

    @Override
    protected int firstCandidate(Batch batch, int row) {
        if (batch != probeBatch) {
            probeBatch = batch;
            probeKeys = new ArrayList<>();
            for (int k : leftKeys) {
                probeKeys.add(batch.column(k));
            }
        }
        if (GroupHashTable.anyNull(probeKeys, row)) {
            return -1;
        }
        int g = probeOps == null ? table.find(probeKeys, row) : table.find(probeKeys, row, probeOps);
        return g < 0 ? -1 : head[g];
    }

    @Override
    protected int nextCandidate(int r) {
        return nextRow[r];
    }

    @Override
    protected void closeIndex() {
        probeBatch = null;
        probeKeys = null;
        if (table != null) {
            table.close();
            table = null;
        }
    }
}
