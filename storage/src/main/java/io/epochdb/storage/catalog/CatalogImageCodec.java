package io.epochdb.storage.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * {@link CatalogImage} to bytes and back. Layout: the 8 ASCII bytes {@code EPOCHCAT}, then big-endian int32s
 * format version, payload length and CRC-32C of the payload, then the payload: the image as UTF-8 JSON (Jackson,
 * records by their components), readable with any JSON tool.
 *
 * <p>Decoding fails with {@link ErrorCode#DATA_CORRUPTED} and a message saying what is wrong (truncated, bad
 * checksum, a format version newer than this build, JSON that does not describe an image); callers add the file name.
 */
public final class CatalogImageCodec {
    /** The format this build writes; it reads this one only. Bump it when the JSON shape changes incompatibly. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "EPOCHCAT".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = MAGIC.length + 3 * Integer.BYTES;

    /*
     * Records are read and written through their components only: is-getters such as TableDef.isView() would
     * otherwise appear as extra properties. Unknown properties, nulls for ints and trailing bytes are errors, so a
     * damaged payload is never half-read.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private CatalogImageCodec() {
    }

    public static byte[] toBytes(CatalogImage image) {
        byte[] payload;
        try {
            payload = MAPPER.writeValueAsBytes(image);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode catalog image: " + e.getOriginalMessage(), e);
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        out.put(MAGIC).putInt(FORMAT_VERSION).putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload);
        return out.array();
    }

    public static CatalogImage fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            throw corrupt("catalog image truncated: " + (bytes == null ? 0 : bytes.length) + " bytes, the header alone needs "
                + HEADER_BYTES);
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw corrupt("not a catalog image: it does not start with EPOCHCAT");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length, 3 * Integer.BYTES);
        int version = in.getInt();
        int length = in.getInt();
        int expectedCrc = in.getInt();
        if (version != FORMAT_VERSION) {
            throw corrupt("catalog image format version " + version + " is not supported: this build reads version "
                + FORMAT_VERSION + (version > FORMAT_VERSION ? " (the image was written by a newer EpochDB)" : ""));
        }
        int available = bytes.length - HEADER_BYTES;
        if (length < 0 || length > available) {
            throw corrupt("catalog image truncated: header announces " + length + " payload bytes, " + available
                + " present");
        }
        if (length < available) {
            throw corrupt("catalog image has " + (available - length) + " unexpected bytes after its payload");
        }
        if (crc(bytes, HEADER_BYTES, length) != expectedCrc) {
            throw corrupt("catalog image checksum mismatch: the payload is corrupt");
        }
        try {
            CatalogImage image = MAPPER.readValue(bytes, HEADER_BYTES, length, CatalogImage.class);
            if (image == null) {
                throw corrupt("catalog image payload is invalid: JSON null");
            }
            return image;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new EpochException(ErrorCode.DATA_CORRUPTED, "catalog image payload is invalid: " + why, e);
        } catch (RuntimeException e) {
            if (e instanceof EpochException ee && ee.code() == ErrorCode.DATA_CORRUPTED) {
                throw ee;
            }
            throw new EpochException(ErrorCode.DATA_CORRUPTED, "catalog image payload is invalid: " + e, e);
        }
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static EpochException corrupt(String message) {
        return new EpochException(ErrorCode.DATA_CORRUPTED, message);
    }
}
