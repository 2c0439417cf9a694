package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.KeyType;
import io.epochdb.exec.operator.SortKey;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Aggregates that need all of a group's values (string_agg, array_agg, percentiles, mode, and any aggregate with
 * an ORDER BY): keeps each row's argument and ordering values boxed, per group, sorts them by the ordering when
 * the result is asked for, and hands them to a {@link CollectedFunction}. Row-at-a-time by design: these are the
 * long-tail aggregates.
 */
final class CollectAccumulator extends Accumulator {
    private final int[] columns;
    private final SqlType[] types;
    private final int argCount;
    private final List<SortKey> ordering;
    private final CollectedFunction function;
    private final ColumnType resultType;
    @SuppressWarnings("unchecked")
    private List<Object[]>[] rows = new List[16];
    private boolean[] sorted = new boolean[16];

    CollectAccumulator(int[] args, List<SortKey> ordering, RowType input, CollectedFunction function,
                       ColumnType resultType) {
        this.argCount = args.length;
        this.ordering = ordering;
        this.columns = new int[args.length + ordering.size()];
        this.types = new SqlType[columns.length];
        for (int i = 0; i < args.length; i++) {
            columns[i] = args[i];
        }
        for (int i = 0; i < ordering.size(); i++) {
            columns[args.length + i] = ordering.get(i).column();
        }
        for (int i = 0; i < columns.length; i++) {
            types[i] = input.type(columns[i]).type();
        }
        this.function = function;
        this.resultType = resultType;
    }

    @Override
    public void ensureGroups(int groups) {
        if (groups > rows.length) {
            int n = Math.max(groups, rows.length * 2);
            rows = Arrays.copyOf(rows, n);
            sorted = Arrays.copyOf(sorted, n);
        }
    }

    @Override
    public void add(Batch batch, int[] groupIds, int from, int to) {
        FieldVector[] vs = new FieldVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            vs[c] = batch.column(columns[c]);
        }
        for (int i = from; i < to; i++) {
            int g = group(groupIds, i);
            if (g < 0) {
                continue;
            }
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                row[c] = ArrowTypes.get(vs[c], i, types[c]);
            }
            if (rows[g] == null) {
                rows[g] = new ArrayList<>();
            }
            rows[g].add(row);
            sorted[g] = false;
        }
    }

    private Comparator<Object[]> comparator() {
        return (a, b) -> {
            for (int k = 0; k < ordering.size(); k++) {
                SortKey key = ordering.get(k);
                Object x = a[argCount + k];
                Object y = b[argCount + k];
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    return (x == null) == key.nullsFirst() ? -1 : 1;
                }
                int c = KeyType.compareValues(x, y);
                if (c != 0) {
                    return key.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    @Override
    public void write(int group, FieldVector out, int row) {
        List<Object[]> rs = rows[group] == null ? List.of() : rows[group];
        if (!ordering.isEmpty() && !sorted[group] && rs.size() > 1) {
            rs.sort(comparator());
            sorted[group] = true;
        }
        Results.writeObject(out, row, function.apply(rs, argCount), resultType);
    }

    @Override
    public void reset() {
        Arrays.fill(rows, null);
    }
}
