package io.epochdb.exec.operator;

import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Running an operator tree to the end: for tests and small internal queries. */
public final class Operators {
    private Operators() {
    }

    /** Opens, reads every row boxed (Java representation per SqlType), closes. */
    public static List<List<Object>> drain(Operator op, ExecContext ctx) {
        List<List<Object>> rows = new ArrayList<>();
        try (op) {
            op.open(ctx);
            RowType rt = op.rowType();
            while (true) {
                Batch next = op.next();
                if (next == null) {
                    break;
                }
                try (Batch b = next) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        Object[] row = new Object[b.columnCount()];
                        for (int c = 0; c < b.columnCount(); c++) {
                            row[c] = ArrowTypes.get(b.column(c), r, rt.type(c).type());
                        }
                        rows.add(Arrays.asList(row));
                    }
                }
            }
        }
        return rows;
    }

    /** Opens, counts the rows, closes. */
    public static long rowCount(Operator op, ExecContext ctx) {
        long n = 0;
        try (op) {
            op.open(ctx);
            Batch b;
            while ((b = op.next()) != null) {
                n += b.rowCount();
                b.close();
            }
        }
        return n;
    }
}
