package io.epochdb.planner;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
    @TempDir
    Path dir;

    @Test
    void scratch() {
        try (SqlRunner r = new SqlRunner(dir)) {
            for (String sql : System.getProperty("sql", "SELECT 1").split(";;")) {
                try {
                    System.out.println("SQL> " + sql + "\n" + String.join("\n", r.run(sql)));
                } catch (RuntimeException e) {
                    System.out.println("SQL> " + sql + "\nERROR " + e);
                    Throwable t = e;
                    while (t.getCause() != null) {
                        t = t.getCause();
                    }
                    t.printStackTrace(System.out);
                }
            }
        }
    }
}
