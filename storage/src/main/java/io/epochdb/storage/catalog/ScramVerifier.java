package io.epochdb.storage.catalog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 password verifiers in PostgreSQL's {@code pg_authid.rolpassword} format:
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64). The clear password is never stored.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ScramVerifier create(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return create(password, salt, DEFAULT_ITERATIONS);
    }

    public static ScramVerifier create(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = sha256(clientKey);
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramVerifier(iterations, salt, storedKey, serverKey);
    }

    /** Parses the stored text form; returns null if it is not a SCRAM-SHA-256 verifier. */
    public static ScramVerifier parse(String text) {
        if (text == null || !text.startsWith("SCRAM-SHA-256$")) {
            return null;
        }
        try {
            String[] parts = text.substring("SCRAM-SHA-256$".length()).split("\\$");
            String[] iterSalt = parts[0].split(":");
            String[] keys = parts[1].split(":");
            Base64.Decoder d = Base64.getDecoder();
            return new ScramVerifier(Integer.parseInt(iterSalt[0]), d.decode(iterSalt[1]), d.decode(keys[0]), d.decode(keys[1]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public String encode() {
        Base64.Encoder e = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + e.encodeToString(salt) + "$" + e.encodeToString(storedKey) + ":"
            + e.encodeToString(serverKey);
    }

    /** PBKDF2-HMAC-SHA-256, which is SCRAM's Hi() function. Passwords are used as given (no SASLprep). */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
