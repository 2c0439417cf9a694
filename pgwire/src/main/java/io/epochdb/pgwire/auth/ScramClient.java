package io.epochdb.pgwire.auth;

import io.epochdb.storage.catalog.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The client side of SCRAM-SHA-256 without channel binding: lets tests (and tools) run the exchange by hand
 * against {@link ScramSha256Server} or a live server.
 */
public final class ScramClient {
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramClient(String password, String clientNonce) {
        this.password = Objects.requireNonNull(password, "password");
        this.clientNonce = Objects.requireNonNull(clientNonce, "clientNonce");
    }

    public byte[] clientFirst() {
        clientFirstBare = "n=,r=" + clientNonce;
        return ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] clientFinal(byte[] serverFirstMessage) {
        String serverFirst = new String(serverFirstMessage, StandardCharsets.UTF_8);
        String nonce = null;
        byte[] salt = null;
        int iterations = 0;
        for (String attr : serverFirst.split(",")) {
            if (attr.startsWith("r=")) {
                nonce = attr.substring(2);
            } else if (attr.startsWith("s=")) {
                salt = Base64.getDecoder().decode(attr.substring(2));
            } else if (attr.startsWith("i=")) {
                iterations = Integer.parseInt(attr.substring(2));
            }
        }
        if (nonce == null || salt == null || iterations <= 0 || !nonce.startsWith(clientNonce)) {
            throw new IllegalArgumentException("bad server-first-message: " + serverFirst);
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString("n,,".getBytes(StandardCharsets.US_ASCII)) + ",r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] salted = ScramVerifier.saltedPassword(password, salt, iterations);
        byte[] clientKey = ScramVerifier.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = ScramVerifier.sha256(clientKey);
        byte[] clientSignature = ScramVerifier.hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        byte[] serverKey = ScramVerifier.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        expectedServerSignature = ScramVerifier.hmac(serverKey, authMessage);
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the server-final-message proves the server knows the verifier. */
    public boolean verifyServerFinal(byte[] serverFinalMessage) {
        String expected = "v=" + Base64.getEncoder().encodeToString(expectedServerSignature);
        return expected.equals(new String(serverFinalMessage, StandardCharsets.UTF_8));
    }
}
