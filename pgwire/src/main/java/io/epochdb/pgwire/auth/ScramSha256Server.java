package io.epochdb.pgwire.auth;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.storage.catalog.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802/7677) as PostgreSQL runs it: the user name in the
 * client-first message is ignored (the startup packet's is used) and channel binding is not offered, so the GS2
 * header must be {@code n,,} or {@code y,,}.
 *
 * <p>Use: {@link #serverFirst(byte[])} with the SASLInitialResponse data, then {@link #serverFinal(byte[])} with the
 * SASLResponse data; a wrong proof throws 28P01, a malformed message 08P01.
 */
public final class ScramSha256Server {
    public static final String MECHANISM = "SCRAM-SHA-256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final ScramVerifier verifier;
    private final String serverNonce;
    private String clientFirstBare;
    private String serverFirst;
    private String gs2Header;
    private String nonce;

    public ScramSha256Server(String user, ScramVerifier verifier) {
        this(user, verifier, randomNonce());
    }

    /** With a fixed server nonce, for tests. */
    public ScramSha256Server(String user, ScramVerifier verifier, String serverNonce) {
        this.user = Objects.requireNonNull(user, "user");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.serverNonce = Objects.requireNonNull(serverNonce, "serverNonce");
    }

    private static String randomNonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** Handles client-first-message; returns server-first-message. */
    public byte[] serverFirst(byte[] clientFirstMessage) {
        String msg = new String(clientFirstMessage, StandardCharsets.UTF_8);
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        int c1 = msg.indexOf(',');
        int c2 = c1 < 0 ? -1 : msg.indexOf(',', c1 + 1);
        if (c1 < 0 || c2 < 0) {
            throw malformed("malformed SCRAM message");
        }
        String flag = msg.substring(0, c1);
        if (flag.startsWith("p=")) {
            throw malformed("channel binding is not supported");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            throw malformed("malformed SCRAM message");
        }
        if (c2 != c1 + 1) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "client uses authorization identity, but it is not supported");
        }
        gs2Header = msg.substring(0, c2 + 1);
        clientFirstBare = msg.substring(c2 + 1);
        String clientNonce = null;
        for (String attr : clientFirstBare.split(",")) {
            if (attr.startsWith("m=")) {
                throw malformed("unsupported SCRAM extension");
            }
            if (attr.startsWith("r=")) {
                clientNonce = attr.substring(2);
            }
        }
        if (!clientFirstBare.startsWith("n=") || clientNonce == null || clientNonce.isEmpty()) {
            throw malformed("malformed SCRAM message");
        }
        nonce = clientNonce + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i="
            + verifier.iterations();
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    /** Checks client-final-message's proof; returns server-final-message ({@code v=ServerSignature}). */
    public byte[] serverFinal(byte[] clientFinalMessage) {
        if (serverFirst == null) {
            throw malformed("malformed SCRAM message");
        }
        String msg = new String(clientFinalMessage, StandardCharsets.UTF_8);
        int p = msg.lastIndexOf(",p=");
        if (p < 0) {
            throw malformed("malformed SCRAM message");
        }
        String withoutProof = msg.substring(0, p);
        String channelBinding = null;
        String finalNonce = null;
        for (String attr : withoutProof.split(",")) {
            if (attr.startsWith("c=")) {
                channelBinding = attr.substring(2);
            } else if (attr.startsWith("r=")) {
                finalNonce = attr.substring(2);
            }
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(msg.substring(p + 3));
        } catch (IllegalArgumentException e) {
            throw malformed("malformed SCRAM message");
        }
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!expectedBinding.equals(channelBinding)) {
            throw malformed("SCRAM channel binding check failed");
        }
        if (!nonce.equals(finalNonce)) {
            throw malformed("invalid SCRAM response (nonce mismatch)");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            throw failed();
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey())) {
            throw failed();
        }
        byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
        return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
    }

    private EpochException failed() {
        return passwordFailed(user);
    }

    /** FATAL 28P01 as PostgreSQL words it. */
    public static EpochException passwordFailed(String user) {
        return new EpochException(ErrorCode.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }

    private static EpochException malformed(String message) {
        return new EpochException(ErrorCode.PROTOCOL_VIOLATION, message);
    }
}
