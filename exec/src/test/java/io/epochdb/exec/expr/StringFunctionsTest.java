package io.epochdb.exec.expr;

import static io.epochdb.common.types.SqlType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.SqlType;
import org.junit.jupiter.api.Test;

/** Expected values from PostgreSQL 15. */
class StringFunctionsTest extends ExprTesting {
    private void is(String expected, String fn, SqlType rt, Expr... args) {
        assertPg(expected, call(fn, rt, args));
    }

    private static Expr nul() {
        return new Literal(null, t(TEXT));
    }

    @Test
    void basics() {
        is("Hello World-Foo Bar_Baz", "initcap", TEXT, text("hello wORLD-foo bar_baz"));
        is("he", "substr", TEXT, text("hello"), i4(0), i4(3));
        is("hello", "substr", TEXT, text("hello"), i4(-1));
        is("ello", "substring", TEXT, text("hello"), i4(2));
        is("él", "substr", TEXT, text("héllo"), i4(2), i4(2));
        is("3", "strpos", INT4, text("hello"), text("l"));
        is("4", "position", INT4, text("lo"), text("hello"));
        is("hi", "btrim", TEXT, text("xxhixx"), text("x"));
        is("hi  ", "ltrim", TEXT, text("  hi  "));
        is("  hi", "rtrim", TEXT, text("  hi  "));
        is("aXcaXc", "replace", TEXT, text("abcabc"), text("b"), text("X"));
        is("a1t1.5", "concat", TEXT, text("a"), nul(), i4(1), new Literal(true, t(BOOL)), f8(1.5));
        is("a,b,2", "concat_ws", TEXT, text(","), text("a"), nul(), text("b"), i4(2));
        is("he", "left", TEXT, text("hello"), i4(2));
        is("hel", "left", TEXT, text("hello"), i4(-2));
        is("lo", "right", TEXT, text("hello"), i4(2));
        is("llo", "right", TEXT, text("hello"), i4(-2));
        is("xyxhi", "lpad", TEXT, text("hi"), i4(5), text("xy"));
        is("hi   ", "rpad", TEXT, text("hi"), i4(5));
        is("he", "lpad", TEXT, text("hello"), i4(2));
        is("ababab", "repeat", TEXT, text("ab"), i4(3));
        is("cba", "reverse", TEXT, text("abc"));
        is("b", "split_part", TEXT, text("a,b,c"), text(","), i4(2));
        is("c", "split_part", TEXT, text("a,b,c"), text(","), i4(-1));
        is("", "split_part", TEXT, text("a,b,c"), text(","), i4(5));
        is("t", "starts_with", BOOL, text("hello"), text("he"));
        is("900150983cd24fb0d6963f7d28e17f72", "md5", TEXT, text("abc"));
        is("ff", "to_hex", TEXT, i4(255));
        is("ffffffff", "to_hex", TEXT, i4(-1));
        is("ffffffffffffffff", "to_hex", TEXT, i8(-1));
        is("65", "ascii", INT4, text("A"));
        is("A", "chr", TEXT, i4(65));
        is("5", "length", INT4, text("héllo"));
        is("6", "octet_length", INT4, text("héllo"));
        is("2", "length", INT4, lit("ab  ", BPCHAR));
        is("É", "upper", TEXT, text("é"));
        is("NULL", "upper", TEXT, nul());
    }

    @Test
    void regexAndQuoting() {
        is("a2x5", "translate", TEXT, text("12345"), text("143"), text("ax"));
        is("fooXarYbaz", "regexp_replace", TEXT, text("foobarbaz"), text("b(..)"), text("X\\1Y"));
        is("fooXarYXazY", "regexp_replace", TEXT, text("foobarbaz"), text("b(..)"), text("X\\1Y"), text("g"));
        is("Heo", "regexp_replace", TEXT, text("Hello"), text("l"), text(""), text("gi"));
        is("foo", "quote_ident", TEXT, text("foo"));
        is("\"Foo\"", "quote_ident", TEXT, text("Foo"));
        is("\"select\"", "quote_ident", TEXT, text("select"));
        is("\"a\"\"b\"", "quote_ident", TEXT, text("a\"b"));
        is("'it''s'", "quote_literal", TEXT, text("it's"));
        is("E'a\\\\b'", "quote_literal", TEXT, text("a\\b"));
        is("'42'", "quote_literal", TEXT, i4(42));
        is("Hello world, \"My Table\", 'it''s', NULL, %, My Table", "format", TEXT,
            text("Hello %s, %I, %L, %L, %%, %2$s"), text("world"), text("My Table"), text("it's"), nul());
        is("|   ab|cd   |", "format", TEXT, text("|%5s|%-5s|"), text("ab"), text("cd"));
    }

    @Test
    void patterns() {
        is("t", "like", BOOL, text("abc"), text("a%"));
        is("f", "like", BOOL, text("abc"), text("A%"));
        is("t", "ilike", BOOL, text("abc"), text("A%"));
        is("t", "like", BOOL, text("a_c"), text("a\\_c"));
        is("f", "like", BOOL, text("abc"), text("a\\_c"));
        is("t", "not like", BOOL, text("abc"), text("%b"));
        is("t", "similar to", BOOL, text("abc"), text("(a|x)%"));
        is("t", "~", BOOL, text("abc"), text("^a.c$"));
        is("t", "~*", BOOL, text("ABC"), text("b"));
        is("t", "!~", BOOL, text("abc"), text("z"));
        is("NULL", "like", BOOL, nul(), text("a%"));
        fails("22025", () -> value(call("like", BOOL, text("abc"), text("a\\"))));
        fails("2201B", () -> value(call("~", BOOL, text("abc"), text("(("))));
    }

    @Test
    void concatOperator() {
        is("abcd", "||", TEXT, text("ab"), text("cd"));
        is("ab1", "||", TEXT, text("ab"), i4(1));
        is("1ab", "||", TEXT, i4(1), text("ab"));
        is("NULL", "||", TEXT, text("a"), nul());
        assertEquals("function nosuch(integer, text) does not exist",
            fails("42883", () -> call("nosuch", TEXT, i4(1), text("a"))).getMessage());
        assertEquals("operator does not exist: boolean || boolean",
            fails("42883", () -> call("||", TEXT, new Literal(true, t(BOOL)), new Literal(true, t(BOOL)))).getMessage());
    }

    @Test
    void arrays() {
        is("1,*,3", "array_to_string", TEXT, call("array", INT4_ARRAY, i4(1), new Literal(null, t(INT4)), i4(3)), text(","), text("*"));
        is("{a,b,\"\",c}", "string_to_array", TEXT_ARRAY, text("a,b,,c"), text(","));
        is("{a,b,c}", "string_to_array", TEXT_ARRAY, text("abc"), nul());
        is("{a,NULL,c}", "string_to_array", TEXT_ARRAY, text("a,N,c"), text(","), text("N"));
        Expr arr = call("array", INT4_ARRAY, i4(10), i4(20), i4(30));
        is("3", "array_length", INT4, arr, i4(1));
        is("NULL", "array_length", INT4, lit("{}", INT4_ARRAY), i4(1));
        is("3", "cardinality", INT4, arr);
        is("{10,20,30,3}", "||", INT4_ARRAY, arr, i4(3));
        is("{0,10,20,30}", "||", INT4_ARRAY, i4(0), arr);
        is("{10,20,30,10,20,30}", "||", INT4_ARRAY, arr, arr);
        is("20", "item", INT4, arr, i4(2));
        is("NULL", "item", INT4, arr, i4(5));
        is("t", "= any", BOOL, i4(20), arr);
        is("NULL", "= any", BOOL, i4(3), lit("{1,NULL}", INT4_ARRAY));
        is("t", "<> all", BOOL, i4(3), arr);
        is("2", "array_position", INT4, lit("{a,b}", TEXT_ARRAY), text("b"));
    }
}
