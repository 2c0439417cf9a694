package io.epochdb.storage.persist;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Files a checkpoint writes. A segment holds one block's columns in Arrow's IPC file format, one field per column
 * named {@code a<attnum>}; an MVCC file holds each block's creator and deleter transaction ids run-length encoded.
 * Every file's CRC32C goes into the manifest and is checked on load, so a damaged file is an error naming it,
 * never a wrong answer.
 */
public final class SegmentFiles {
    private SegmentFiles() {
    }

    /** Writes the first {@code rowCount} rows of {@code vectorsByAttnum} to {@code file}, fsynced; returns its CRC. */
    public static long writeSegment(Path file, Map<Integer, FieldVector> vectorsByAttnum, int rowCount,
                                    BufferAllocator scratch) throws IOException {
        List<Field> fields = new ArrayList<>();
        List<FieldVector> slices = new ArrayList<>();
        try {
            for (Map.Entry<Integer, FieldVector> e : new java.util.TreeMap<>(vectorsByAttnum).entrySet()) {
                FieldVector v = e.getValue();
                // A slice of exactly rowCount rows: the block may hold more by now.
                TransferPair tp = v.getTransferPair(scratch);
                tp.splitAndTransfer(0, rowCount);
                FieldVector slice = (FieldVector) tp.getTo();
                slices.add(slice);
                Field f = v.getField();
                fields.add(new Field("a" + e.getKey(), f.getFieldType(), f.getChildren()));
            }
            VectorSchemaRoot root = new VectorSchemaRoot(fields, slices, rowCount);
            CRC32C crc = new CRC32C();
            try (FileOutputStream fos = new FileOutputStream(file.toFile());
                 CheckedOutputStream out = new CheckedOutputStream(new BufferedOutputStream(fos, 1 << 16), crc);
                 ArrowFileWriter w = new ArrowFileWriter(root, null, Channels.newChannel(out), java.util.Map.of(),
                     org.apache.arrow.vector.ipc.message.IpcOption.DEFAULT, Lz4FrameCodec.FACTORY,
                     org.apache.arrow.vector.compression.CompressionUtil.CodecType.LZ4_FRAME,
                     java.util.Optional.empty())) {
                w.start();
                w.writeBatch();
                w.end();
                out.flush();
                fos.getFD().sync();
            }
            return crc.getValue();
        } finally {
            slices.forEach(FieldVector::close);
        }
    }

    /** A segment read back: vectors by attnum, owned by this object until taken over. */
    public static final class Segment implements AutoCloseable {
        private final ArrowFileReader reader;
        public final Map<Integer, FieldVector> vectors;
        public final int rowCount;

        Segment(ArrowFileReader reader, Map<Integer, FieldVector> vectors, int rowCount) {
            this.reader = reader;
            this.vectors = vectors;
            this.rowCount = rowCount;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    public static Segment readSegment(Path file, long expectedCrc, BufferAllocator allocator) {
        byte[] bytes = readChecked(file, expectedCrc);
        ArrowFileReader r = new ArrowFileReader(new SeekableReadChannel(new ByteArrayReadableSeekableByteChannel(bytes)),
            allocator, Lz4FrameCodec.FACTORY);
        try {
            if (!r.loadNextBatch()) {
                throw new IOException("no record batch");
            }
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            Map<Integer, FieldVector> byAttnum = new HashMap<>();
            for (FieldVector v : root.getFieldVectors()) {
                byAttnum.put(Integer.parseInt(v.getField().getName().substring(1)), v);
            }
            return new Segment(r, byAttnum, root.getRowCount());
        } catch (IOException | RuntimeException e) {
            try {
                r.close();
            } catch (IOException ignored) {
                // reporting the first problem
            }
            throw corrupt(file, e.getMessage());
        }
    }

    /** Writes blocks' MVCC ids run-length encoded: per block, the row count, then creator runs and deleter runs. */
    public static long writeMvcc(Path file, List<long[][]> blocks) throws IOException {
        CRC32C crc = new CRC32C();
        try (FileOutputStream fos = new FileOutputStream(file.toFile());
             CheckedOutputStream cos = new CheckedOutputStream(new BufferedOutputStream(fos, 1 << 16), crc);
             DataOutputStream out = new DataOutputStream(cos)) {
            out.writeInt(blocks.size());
            for (long[][] b : blocks) {
                out.writeInt(b[0].length);
                writeRuns(out, b[0]);
                writeRuns(out, b[1]);
            }
            out.flush();
            fos.getFD().sync();
        }
        return crc.getValue();
    }

    private static void writeRuns(DataOutputStream out, long[] values) throws IOException {
        int i = 0;
        int runs = 0;
        while (i < values.length) {
            int j = i + 1;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            runs++;
            i = j;
        }
        out.writeInt(runs);
        i = 0;
        while (i < values.length) {
            int j = i + 1;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            out.writeLong(values[i]);
            out.writeInt(j - i);
            i = j;
        }
    }

    /** Per block {creators, deleters}. */
    public static List<long[][]> readMvcc(Path file, long expectedCrc) {
        byte[] bytes = readChecked(file, expectedCrc);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<long[][]> out = new ArrayList<>(n);
            for (int b = 0; b < n; b++) {
                int rows = in.readInt();
                out.add(new long[][] {readRuns(in, rows), readRuns(in, rows)});
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e.getMessage());
        }
    }

    private static long[] readRuns(DataInputStream in, int rows) throws IOException {
        long[] values = new long[rows];
        int runs = in.readInt();
        int at = 0;
        for (int r = 0; r < runs; r++) {
            long v = in.readLong();
            int len = in.readInt();
            if (len < 0 || at + len > rows) {
                throw new IOException("run exceeds the block");
            }
            java.util.Arrays.fill(values, at, at + len, v);
            at += len;
        }
        if (at != rows) {
            throw new IOException("runs cover " + at + " of " + rows + " rows");
        }
        return values;
    }

    static byte[] readChecked(Path file, long expectedCrc) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw corrupt(file, "cannot read it: " + e);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        if (crc.getValue() != expectedCrc) {
            throw corrupt(file, "checksum mismatch (file damaged)");
        }
        return bytes;
    }

    static EpochException corrupt(Path file, String problem) {
        return new EpochException(ErrorCode.DATA_CORRUPTED, "could not read data file \"" + file + "\": " + problem);
    }
}
