package io.epochdb.storage.persist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow IPC buffer compression with LZ4 frames on lz4-java, so segment files are standard Arrow files any Arrow
 * reader with LZ4_FRAME support can open. Arrow's base class writes the 8-byte uncompressed length in front and
 * stores a buffer raw when compressing does not make it smaller.
 */
final class Lz4FrameCodec extends AbstractCompressionCodec {
    static final CompressionCodec.Factory FACTORY = new CompressionCodec.Factory() {
        @Override
        public CompressionCodec createCodec(CompressionUtil.CodecType codecType) {
            return codecType == CompressionUtil.CodecType.LZ4_FRAME ? new Lz4FrameCodec()
                : CompressionCodec.Factory.INSTANCE.createCodec(codecType);
        }

        @Override
        public CompressionCodec createCodec(CompressionUtil.CodecType codecType, int compressionLevel) {
            return createCodec(codecType);
        }
    };

    @Override
    protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
        byte[] in = new byte[(int) uncompressed.writerIndex()];
        uncompressed.getBytes(0, in);
        ByteArrayOutputStream bos = new ByteArrayOutputStream(in.length / 2 + 64);
        try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(bos, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, -1L,
            LZ4Factory.fastestInstance().fastCompressor(), XXHashFactory.fastestInstance().hash32(),
            LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE)) {
            out.write(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] c = bos.toByteArray();
        long prefix = CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
        ArrowBuf dst = allocator.buffer(prefix + c.length);
        dst.setBytes(prefix, c);
        dst.writerIndex(prefix + c.length); // Arrow reads writerIndex: without it the output is silently cut
        return dst;
    }

    @Override
    protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
        long length = readUncompressedLength(compressed);
        long prefix = CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
        byte[] in = new byte[(int) (compressed.writerIndex() - prefix)];
        compressed.getBytes(prefix, in);
        byte[] out = new byte[(int) length];
        try (LZ4FrameInputStream lz = new LZ4FrameInputStream(new ByteArrayInputStream(in),
            LZ4Factory.fastestInstance().safeDecompressor(), XXHashFactory.fastestInstance().hash32())) {
            int at = 0;
            while (at < out.length) {
                int n = lz.read(out, at, out.length - at);
                if (n < 0) {
                    throw new IOException("LZ4 frame ends after " + at + " of " + length + " bytes");
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrowBuf dst = allocator.buffer(length);
        dst.setBytes(0, out);
        dst.writerIndex(length);
        return dst;
    }

    @Override
    public CompressionUtil.CodecType getCodecType() {
        return CompressionUtil.CodecType.LZ4_FRAME;
    }
}
