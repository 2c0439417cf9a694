package io.epochdb.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.storage.catalog.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** RFC 7677 section 3's example exchange. */
    @Test
    void rfc7677Example() {
        ScramVerifier v = ScramVerifier.create("pencil", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        ScramSha256Server server = new ScramSha256Server("user", v, "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            s(server.serverFirst(b("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"))));
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", s(server.serverFinal(b(
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="))));
    }

    @Test
    void clientAndServerAgree() {
        ScramVerifier v = ScramVerifier.create("correct horse");
        ScramSha256Server server = new ScramSha256Server("alice", v);
        ScramClient client = new ScramClient("correct horse", "abcdefghijklmnop");
        byte[] serverFirst = server.serverFirst(client.clientFirst());
        byte[] serverFinal = server.serverFinal(client.clientFinal(serverFirst));
        assertTrue(client.verifyServerFinal(serverFinal));
    }

    @Test
    void wrongPasswordIs28P01() {
        ScramSha256Server server = new ScramSha256Server("alice", ScramVerifier.create("right"));
        ScramClient client = new ScramClient("wrong", "nonce123");
        byte[] serverFirst = server.serverFirst(client.clientFirst());
        EpochException e = assertThrows(EpochException.class, () -> server.serverFinal(client.clientFinal(serverFirst)));
        assertEquals("28P01", e.sqlState());
        assertEquals("password authentication failed for user \"alice\"", e.getMessage());
    }

    @Test
    void gs2HeaderYIsAcceptedChannelBindingIsNot() {
        ScramSha256Server server = new ScramSha256Server("u", ScramVerifier.create("pw"), "SRV");
        assertEquals("r=cliSRV", s(server.serverFirst(b("y,,n=,r=cli"))).split(",")[0]);
        ScramSha256Server other = new ScramSha256Server("u", ScramVerifier.create("pw"));
        assertEquals("08P01", assertThrows(EpochException.class,
            () -> other.serverFirst(b("p=tls-server-end-point,,n=,r=x"))).sqlState());
        assertEquals("08P01", assertThrows(EpochException.class, () -> other.serverFirst(b("garbage"))).sqlState());
    }

    @Test
    void tamperedNonceOrBindingIsRejected() {
        ScramVerifier v = ScramVerifier.create("pw");
        ScramSha256Server server = new ScramSha256Server("u", v, "SRV");
        ScramClient client = new ScramClient("pw", "cli");
        byte[] serverFirst = server.serverFirst(client.clientFirst());
        String fin = s(client.clientFinal(serverFirst));
        assertThrows(EpochException.class, () -> server.serverFinal(b(fin.replace("r=cliSRV", "r=cliXXX"))));
        assertThrows(EpochException.class, () -> server.serverFinal(b(fin.replace("c=biws", "c=eSws"))));
        assertThrows(EpochException.class, () -> server.serverFinal(b("no proof here")));
    }
}
