package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LIMIT/OFFSET bound as typed parameters (pgjdbc declares setInt as int4), which once failed to parse. */
class LimitParameterTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @Test
    void limitAndOffsetAsIntParameters() throws Exception {
        try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement(
            "SELECT x FROM generate_series(1, 10) AS t(x) ORDER BY x LIMIT ? OFFSET ?")) {
            for (int run = 0; run < 7; run++) {
                ps.setInt(1, 3);
                ps.setInt(2, run);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        assertEquals(run + 1 + n, rs.getInt(1));
                        n++;
                    }
                    assertEquals(3, n);
                }
            }
            ps.setInt(1, -1);
            ps.setInt(2, 0);
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, ps::executeQuery);
            assertEquals("2201W", e.getSQLState());
        }
    }
}
