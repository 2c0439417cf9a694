package io.epochdb.pgwire.server;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.pgwire.message.BackendMessages;
import io.epochdb.pgwire.session.Portal;
import io.epochdb.pgwire.types.ColumnWriter;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.netty.buffer.ByteBuf;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/** Streams a result to the client: RowDescription, DataRows batch by batch, and COPY TO STDOUT data. */
final class ResultWriter {
    private final Output out;

    ResultWriter(Output out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** RowDescription; {@code formats} gives per-column binary/text (null: all text). */
    void rowDescription(List<ResultColumn> columns, Portal formats, ZoneId zone) {
        List<BackendMessages.Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            ColumnType t = c.type();
            short format = new ColumnWriter(t, formats != null && formats.binaryColumn(i), zone).formatCode();
            fields.add(new BackendMessages.Field(c.name(), c.tableOid(), (short) c.attributeNumber(), t.type().oid(),
                (short) t.type().typlen(), t.typmod(), format));
        }
        BackendMessages.rowDescription(out.buffer(), fields);
    }

    /** What one run of {@link #sendRows} did: rows sent, and whether the row limit stopped it (PortalSuspended). */
    record Sent(long rows, boolean suspended) {
    }

    /**
     * Sends DataRows until the result ends or {@code maxRows} (0 = no limit) rows went out. With a portal, a batch
     * cut part way is kept there for the next Execute.
     */
    Sent sendRows(QueryResult result, Portal formats, Portal portal, int maxRows, ZoneId zone) {
        List<ResultColumn> columns = result.columns();
        ColumnWriter[] writers = new ColumnWriter[columns.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = new ColumnWriter(columns.get(i).type(), formats != null && formats.binaryColumn(i), zone);
        }
        long sent = 0;
        Batch batch = null;
        int row = 0;
        if (portal != null && portal.pendingBatch() != null) {
            batch = portal.pendingBatch();
            row = portal.pendingRow();
            portal.suspend(null, 0);
        }
        try {
            while (true) {
                if (batch == null) {
                    batch = result.next();
                    row = 0;
                    if (batch == null) {
                        return new Sent(sent, false);
                    }
                }
                int rows = batch.rowCount();
                int n = batch.columnCount();
                FieldVector[] vectors = new FieldVector[n];
                for (int c = 0; c < n; c++) {
                    vectors[c] = batch.column(c);
                }
                while (row < rows) {
                    ByteBuf b = out.buffer();
                    int at = BackendMessages.begin(b, 'D');
                    b.writeShort(n);
                    for (int c = 0; c < n; c++) {
                        writers[c].write(b, vectors[c], row);
                    }
                    BackendMessages.end(b, at);
                    row++;
                    sent++;
                    if (maxRows > 0 && sent >= maxRows) {
                        if (row < rows && portal != null) {
                            portal.suspend(batch, row);
                            batch = null;
                        }
                        return new Sent(sent, true);
                    }
                    out.maybeFlushChunk();
                }
                batch.close();
                batch = null;
            }
        } finally {
            if (batch != null) {
                batch.close();
            }
        }
    }

    /** COPY TO STDOUT: CopyOutResponse, one CopyData per line, CopyDone (the caller sends CommandComplete). */
    void copyOut(QueryResult result) {
        BackendMessages.copyResponse(out.buffer(), 'H', result.binaryCopy(), result.columns().size());
        Batch batch;
        while ((batch = result.next()) != null) {
            try (Batch b = batch) {
                FieldVector v = b.column(0);
                for (int row = 0; row < b.rowCount(); row++) {
                    if (v.isNull(row)) {
                        continue;
                    }
                    byte[] line = v instanceof VarCharVector s ? s.get(row) : ((VarBinaryVector) v).get(row);
                    BackendMessages.copyData(out.buffer(), line, 0, line.length);
                    out.maybeFlushChunk();
                }
            }
        }
        BackendMessages.copyDone(out.buffer());
    }
}
