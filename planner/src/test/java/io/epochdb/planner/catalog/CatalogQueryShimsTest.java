package io.epochdb.planner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.planner.parse.PgLexer;
import io.epochdb.planner.parse.Token;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The token rewrites for client catalog queries, checked on their output text. */
class CatalogQueryShimsTest {
    private static String rewrite(String sql) {
        List<Token> ts = PgLexer.tokenize(sql).stream().filter(t -> t.kind() != Token.Kind.SPACE).toList();
        return CatalogQueryShims.apply(ts).stream().map(Token::text).collect(Collectors.joining(" "));
    }

    @Test
    void ordinaryQueriesAreUntouched() {
        String sql = "SELECT host , count ( * ) FROM cpu WHERE host = 'a' GROUP BY host";
        assertEquals(sql, rewrite(sql));
    }

    @Test
    void expandArrayBecomesJoinWithKeyPositions() {
        String out = rewrite("SELECT x.n FROM (SELECT ct.relname, (information_schema._pg_expandarray(con.conkey)).n AS k, "
            + "information_schema._pg_expandarray(con.conkey) AS keys, a.attnum FROM pg_catalog.pg_constraint con "
            + "JOIN pg_catalog.pg_class ct ON (con.conrelid = ct.oid) WHERE con.contype = 'p' OR false) x "
            + "WHERE x.attnum = (x.keys).x ORDER BY 1");
        assertEquals("SELECT x . n FROM ( SELECT ct . relname , _pg_expandarray_keys . n AS k , "
            + "con . conkey [ _pg_expandarray_keys . n ] AS keys , a . attnum FROM pg_catalog . pg_constraint con "
            + "JOIN pg_catalog . pg_class ct ON ( con . conrelid = ct . oid ) CROSS JOIN ( VALUES ( 1 ) , ( 2 ) , ( 3 ) , "
            + "( 4 ) , ( 5 ) , ( 6 ) , ( 7 ) , ( 8 ) , ( 9 ) , ( 10 ) , ( 11 ) , ( 12 ) , ( 13 ) , ( 14 ) , ( 15 ) , "
            + "( 16 ) , ( 17 ) , ( 18 ) , ( 19 ) , ( 20 ) , ( 21 ) , ( 22 ) , ( 23 ) , ( 24 ) , ( 25 ) , ( 26 ) , "
            + "( 27 ) , ( 28 ) , ( 29 ) , ( 30 ) , ( 31 ) , ( 32 ) ) AS _pg_expandarray_keys ( n ) "
            + "WHERE _pg_expandarray_keys . n <= array_length ( con . conkey , 1 ) AND ( con . contype = 'p' OR false ) ) x "
            + "WHERE x . attnum = x . keys ORDER BY 1", out);
    }

    @Test
    void anyOfArrayBecomesArrayPosition() {
        assertEquals("SELECT ( array_position ( current_schemas ( true ) , n . nspname ) IS NOT NULL ) FROM pg_namespace n",
            rewrite("SELECT n.nspname = ANY(current_schemas(true)) FROM pg_namespace n"));
        String subquery = "SELECT 1 FROM t WHERE a = ANY ( SELECT b FROM u )";
        assertEquals(subquery, rewrite(subquery));
    }

    @Test
    void seriesStartingWithACallIsParenthesised() {
        assertEquals("SELECT i FROM generate_series ( ( array_lower ( a , 1 ) ) , 3 ) AS i",
            rewrite("SELECT i FROM generate_series(array_lower(a, 1), 3) AS i"));
    }
}
