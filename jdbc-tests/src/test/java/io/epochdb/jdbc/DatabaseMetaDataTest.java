package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pgjdbc's DatabaseMetaData, which queries pg_catalog: what tools such as DBeaver and Grafana rely on. */
class DatabaseMetaDataTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @BeforeAll
    static void createTables() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE md_readings (id bigint PRIMARY KEY, ts timestamptz NOT NULL, device text,"
                + " value double precision, n int, ok boolean)");
            Sql.exec(c, "CREATE TABLE md_other (k text PRIMARY KEY, v numeric(10, 2))");
        }
    }

    @Test
    void getTables() throws Exception {
        try (Connection c = server.connect()) {
            DatabaseMetaData md = c.getMetaData();
            Set<String> names = new HashSet<>();
            try (ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    assertEquals("public", rs.getString("TABLE_SCHEM"));
                    assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(names.containsAll(Set.of("md_readings", "md_other")), names.toString());
            try (ResultSet rs = md.getTables(null, null, "md_read%", new String[] {"TABLE"})) {
                assertTrue(rs.next());
                assertEquals("md_readings", rs.getString("TABLE_NAME"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void getColumns() throws Exception {
        try (Connection c = server.connect()) {
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, "public", "md_readings", "%")) {
                while (rs.next()) {
                    cols.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getInt("DATA_TYPE")
                        + ":" + rs.getString("IS_NULLABLE") + ":" + rs.getInt("ORDINAL_POSITION"));
                }
            }
            assertEquals(List.of("id:int8:" + Types.BIGINT + ":NO:1", "ts:timestamptz:" + Types.TIMESTAMP + ":NO:2" /* pgjdbc maps timestamptz to TIMESTAMP */,
                "device:text:" + Types.VARCHAR + ":YES:3", "value:float8:" + Types.DOUBLE + ":YES:4",
                "n:int4:" + Types.INTEGER + ":YES:5", "ok:bool:" + Types.BIT + ":YES:6"), cols);
        }
    }

    @Test
    void getPrimaryKeys() throws Exception {
        try (Connection c = server.connect()) {
            try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "public", "md_readings")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void getSchemas() throws Exception {
        try (Connection c = server.connect()) {
            Set<String> schemas = new HashSet<>();
            try (ResultSet rs = c.getMetaData().getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertTrue(schemas.containsAll(Set.of("public", "pg_catalog", "information_schema")), schemas.toString());
        }
    }

    @Test
    void getTypeInfo() throws Exception {
        try (Connection c = server.connect()) {
            Set<String> types = new HashSet<>();
            try (ResultSet rs = c.getMetaData().getTypeInfo()) {
                while (rs.next()) {
                    types.add(rs.getString("TYPE_NAME"));
                }
            }
            assertTrue(types.containsAll(Set.of("int4", "int8", "float8", "text", "bool", "timestamptz", "numeric",
                "date", "bytea", "uuid", "jsonb", "interval")), types.toString());
        }
    }

    @Test
    void resultSetColumnMetadataNeedsCatalog() throws Exception {
        // pgjdbc looks up pg_attribute for getTableName/isNullable/isAutoIncrement
        try (Connection c = server.connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, device FROM md_readings")) {
            var md = rs.getMetaData();
            assertEquals("md_readings", md.getTableName(1));
            assertEquals(java.sql.ResultSetMetaData.columnNoNulls, md.isNullable(1));
            assertEquals(java.sql.ResultSetMetaData.columnNullable, md.isNullable(2));
        }
    }
}
