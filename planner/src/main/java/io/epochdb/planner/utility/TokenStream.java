package io.epochdb.planner.utility;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.planner.parse.Token;
import java.util.List;

/** A cursor over a statement's significant tokens, for the hand-written utility-statement parser. */
public final class TokenStream {
    private final List<Token> tokens;
    private final String sql;
    private int pos;

    public TokenStream(List<Token> tokens, String sql) {
        this.tokens = tokens;
        this.sql = sql;
    }

    public boolean atEnd() {
        return pos >= tokens.size();
    }

    public Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    public Token peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    public Token next() {
        if (atEnd()) {
            throw syntaxAtEnd();
        }
        return tokens.get(pos++);
    }

    public int position() {
        return pos;
    }

    public void reset(int p) {
        pos = p;
    }

    public boolean isWord(String w) {
        Token t = peek();
        return t != null && t.isWord(w);
    }

    public boolean isSymbol(String s) {
        Token t = peek();
        return t != null && t.isSymbol(s);
    }

    /** Consumes the word if it is next. */
    public boolean accept(String word) {
        if (isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the words if they are all next, in order. */
    public boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !t.isWord(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    public boolean acceptSymbol(String s) {
        if (isSymbol(s)) {
            pos++;
            return true;
        }
        return false;
    }

    public void expect(String word) {
        if (!accept(word)) {
            throw syntaxError();
        }
    }

    public void expectSymbol(String s) {
        if (!acceptSymbol(s)) {
            throw syntaxError();
        }
    }

    /** An identifier: unquoted (lower-cased) or quoted (exact). */
    public String identifier() {
        Token t = next();
        if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENT) {
            return t.value();
        }
        pos--;
        throw syntaxError();
    }

    /** A possibly schema-qualified name: returns [schema or null, name]. */
    public String[] qualifiedName() {
        String first = identifier();
        if (acceptSymbol(".")) {
            String second = identifier();
            if (acceptSymbol(".")) {
                // database.schema.name: ignore the database part
                return new String[] {second, identifier()};
            }
            return new String[] {first, second};
        }
        return new String[] {null, first};
    }

    public String string() {
        Token t = next();
        if (t.kind() != Token.Kind.STRING) {
            pos--;
            throw syntaxError();
        }
        return t.value();
    }

    /** Source text from token index {@code from} (inclusive) to the current position (exclusive). */
    public String textFrom(int from) {
        if (from >= pos) {
            return "";
        }
        return sql.substring(tokens.get(from).start(), tokens.get(pos - 1).end());
    }

    /** Source text from the current token to the end of the statement. */
    public String rest() {
        if (atEnd()) {
            return "";
        }
        return sql.substring(tokens.get(pos).start());
    }

    public List<Token> remainingTokens() {
        return tokens.subList(pos, tokens.size());
    }

    public void skipToEnd() {
        pos = tokens.size();
    }

    public void expectEnd() {
        if (!atEnd()) {
            throw syntaxError();
        }
    }

    public EpochException syntaxError() {
        if (atEnd()) {
            return syntaxAtEnd();
        }
        Token t = peek();
        return new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + t.text() + "\"", null, null,
            t.start() + 1, null);
    }

    private EpochException syntaxAtEnd() {
        return new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input", null, null, sql.length() + 1, null);
    }
}
