package io.epochdb.planner.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgLexerTest {
    private static List<Token> significant(String sql) {
        return PgLexer.tokenize(sql).stream().filter(t -> t.kind() != Token.Kind.SPACE).toList();
    }

    @Test
    void quotedStringsAndIdentifiers() {
        List<Token> t = significant("SELECT 'it''s', \"Mixed\"\"Case\", 'a'\n  'b', E'x\\ny', $$d'q$$");
        assertEquals("it's", t.get(1).value());
        assertEquals(Token.Kind.QUOTED_IDENT, t.get(3).kind());
        assertEquals("Mixed\"Case", t.get(3).value());
        assertEquals("ab", t.get(5).value());
        assertEquals("x\ny", t.get(7).value());
        assertEquals("d'q", t.get(9).value());
    }

    @Test
    void literalsOnOneLineDoNotConcatenate() {
        assertEquals(2, significant("'a' 'b'").size());
    }

    @Test
    void unterminatedAndEmptyQuotesAreSyntaxErrors() {
        assertEquals("42601", assertThrows(EpochException.class, () -> PgLexer.tokenize("SELECT 'abc")).sqlState());
        assertEquals("42601", assertThrows(EpochException.class, () -> PgLexer.tokenize("SELECT \"abc")).sqlState());
        assertEquals("42601", assertThrows(EpochException.class, () -> PgLexer.tokenize("SELECT \"\"")).sqlState());
    }
}
