package io.epochdb.planner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.planner.SqlRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog-introspection functions and casts, one SELECT each. */
class CatalogFunctionsTest {
    @TempDir
    Path dir;

    @Test
    void introspectionFunctions() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE cpu (time timestamptz NOT NULL, host varchar(20), usage numeric(10,2), id int PRIMARY KEY)");
            r.run("CREATE VIEW cpu_v AS SELECT host FROM cpu");
            r.run("COMMENT ON TABLE cpu IS 'the cpu table'");
            r.run("COMMENT ON COLUMN cpu.usage IS 'percent'");
            String oid = r.one("SELECT 'cpu'::regclass::oid");

            assertEquals("timestamp with time zone|character varying(20)|numeric(10,2)|integer|???|NULL",
                r.one("SELECT format_type(1184, -1), format_type(1043, 24), format_type(1700, 655366), "
                    + "pg_catalog.format_type(23, NULL), format_type(999999, -1), format_type(NULL, -1)"));
            assertEquals("postgres|unknown (OID=12345)", r.one("SELECT pg_get_userbyid(10), pg_get_userbyid(12345)"));
            assertEquals("118 MB|10 kB|9999 bytes|1024 GB",
                r.one("SELECT pg_size_pretty(123456789::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(9999::bigint), "
                    + "pg_size_pretty(1099511627776::bigint)"));
            assertEquals("UTF8", r.one("SELECT pg_encoding_to_char(6)"));
            assertEquals("t|t|t|t", r.one("SELECT has_table_privilege('cpu', 'SELECT'), has_schema_privilege('public', 'USAGE'), "
                + "has_database_privilege('postgres', 'CONNECT'), has_any_column_privilege('cpu', 'SELECT')"));
            assertEquals("the cpu table|percent|NULL", r.one("SELECT obj_description('cpu'::regclass, 'pg_class'), "
                + "col_description('cpu'::regclass, 3), col_description('cpu'::regclass, 1)"));
            assertEquals(" SELECT host FROM cpu;", r.one("SELECT pg_get_viewdef('cpu_v'::regclass)"));
            assertEquals("t|t", r.one("SELECT pg_table_is_visible(" + oid + "), pg_table_is_visible('pg_class'::regclass)"));
            assertEquals("PRIMARY KEY (id)|CREATE UNIQUE INDEX cpu_pkey ON public.cpu USING btree (id)|id",
                r.one("SELECT pg_get_constraintdef(c.oid), pg_get_indexdef(c.conindid), pg_get_indexdef(c.conindid, 1, true) "
                    + "FROM pg_constraint c WHERE c.conrelid = 'cpu'::regclass"));
            assertEquals("0|0", r.one("SELECT pg_relation_size('cpu'), pg_total_relation_size('cpu') - 8192"));
        }
    }

    @Test
    void regCasts() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE SCHEMA s");
            r.run("CREATE TABLE s.\"Mixed\" (a int)");
            r.run("CREATE TABLE cpu (a int)");
            String cpu = r.one("SELECT 'cpu'::regclass::oid");
            assertEquals(List.of(cpu + "|1259|1259"),
                r.run("SELECT 'cpu'::regclass::oid, 'pg_class'::regclass::oid, 'pg_catalog.pg_class'::pg_catalog.regclass::oid"));
            assertEquals("cpu|s.\"Mixed\"", r.one("SELECT 'cpu'::regclass::text, 's.\"Mixed\"'::regclass::text"));
            assertEquals("23|integer|1009|text[]", r.one("SELECT 'int4'::regtype::oid, 'integer'::regtype::text, "
                + "'text[]'::regtype::oid, 1009::regtype::text"));
            EpochException e = assertThrows(EpochException.class, () -> r.run("SELECT 'nope'::regclass"));
            assertEquals("42P01", e.code().sqlState());
            assertEquals("relation \"nope\" does not exist", e.getMessage());
            assertEquals("NULL|" + cpu, r.one("SELECT to_regclass('nope'), to_regclass('cpu')"));
            assertEquals("{public,Foo}|\"a\"\"b\"|cpu", r.one("SELECT parse_ident('public.\"Foo\"'), quote_ident('a\"b'), quote_ident('cpu')"));
        }
    }
}
