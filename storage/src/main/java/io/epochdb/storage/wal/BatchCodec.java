package io.epochdb.storage.wal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Rows as bytes in the WAL: one Arrow IPC stream (schema, one record batch) of the given vectors, written straight
 * from their buffers and read back into vectors without per-value work.
 */
public final class BatchCodec {
    private BatchCodec() {
    }

    /** Writes the first {@code rowCount} rows of {@code columns} (which stay the caller's). */
    public static void write(List<FieldVector> columns, int rowCount, OutputStream out) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (FieldVector v : columns) {
            fields.add(v.getField());
        }
        // A root over the caller's vectors, never closed: closing it would close them.
        VectorSchemaRoot root = new VectorSchemaRoot(fields, new ArrayList<>(columns), rowCount);
        try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
            w.start();
            w.writeBatch();
            w.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows read back; close it to free the vectors. */
    public static final class Rows implements AutoCloseable {
        private final ArrowStreamReader reader;
        private final VectorSchemaRoot root;

        private Rows(ArrowStreamReader reader, VectorSchemaRoot root) {
            this.reader = reader;
            this.root = root;
        }

        public List<FieldVector> columns() {
            return root.getFieldVectors();
        }

        public int rowCount() {
            return root.getRowCount();
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Rows read(byte[] bytes, int offset, int length, BufferAllocator allocator) throws IOException {
        ArrowStreamReader r = new ArrowStreamReader(new ByteArrayInputStream(bytes, offset, length), allocator);
        try {
            if (!r.loadNextBatch()) {
                throw new IOException("no record batch in the stream");
            }
            return new Rows(r, r.getVectorSchemaRoot());
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }
}
