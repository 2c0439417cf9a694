package io.epochdb.storage;

import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.ScanPart;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.table.TableSnapshot;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Row-at-a-time helpers for tests: build insert vectors from Java values, read visible rows back. */
public final class TestData {
    private TestData() {
    }

    /** Vectors in table column order holding {@code rows}; the caller closes them. */
    public static List<FieldVector> vectors(BufferAllocator allocator, TableDef def, List<List<Object>> rows) {
        List<FieldVector> out = new ArrayList<>();
        for (int c = 0; c < def.columns().size(); c++) {
            ColumnDef col = def.columns().get(c);
            FieldVector v = ArrowTypes.newVector(col.name(), col.type(), allocator, rows.size());
            for (int r = 0; r < rows.size(); r++) {
                ArrowTypes.set(v, r, rows.get(r).get(c), col.type().type());
            }
            v.setValueCount(rows.size());
            out.add(v);
        }
        return out;
    }

    /** Inserts rows and closes the vectors. */
    public static long insert(BufferAllocator allocator, Table table, Transaction tx, List<List<Object>> rows) {
        List<FieldVector> vs = vectors(allocator, table.def(), rows);
        try {
            return table.insert(tx, vs, rows.size());
        } finally {
            vs.forEach(FieldVector::close);
        }
    }

    public static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** All rows {@code tx}'s current snapshot sees, all columns; the last element of each row is its row id. */
    public static List<List<Object>> scanWithIds(BufferAllocator allocator, Table table, Transaction tx) {
        TableSnapshot s = table.snapshot(tx);
        int n = s.def().columns().size();
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            cols[i] = i;
        }
        List<List<Object>> out = new ArrayList<>();
        for (int p = 0; p < s.partCount(); p++) {
            try (ScanPart part = s.read(p, cols, true, allocator)) {
                for (int r = 0; r < part.rowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < n; c++) {
                        row.add(ArrowTypes.get(part.columns().get(c), r, s.def().columns().get(c).type().type()));
                    }
                    row.add(part.rowIds().get(r));
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** All rows {@code tx}'s current snapshot sees, all columns. */
    public static List<List<Object>> scan(BufferAllocator allocator, Table table, Transaction tx) {
        List<List<Object>> rows = scanWithIds(allocator, table, tx);
        rows.forEach(r -> r.remove(r.size() - 1));
        return rows;
    }
}
