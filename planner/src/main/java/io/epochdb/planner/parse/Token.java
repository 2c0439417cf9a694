package io.epochdb.planner.parse;

/**
 * One lexical token of PostgreSQL SQL text. {@code text} is the exact source slice; {@code value} is the decoded
 * content for strings (escapes and quoting removed) and quoted identifiers, the lower-cased word for unquoted
 * identifiers and keywords, and the text otherwise.
 */
public record Token(Kind kind, String text, String value, int start, int end) {
    public enum Kind {
        /** Unquoted word: identifier or keyword (value lower-cased). */
        WORD,
        /** "Quoted identifier" (value without quotes, case kept). */
        QUOTED_IDENT,
        /** Any string literal: '...', E'...', $$...$$, U&'...' (value decoded). */
        STRING,
        /** B'0101' or X'1F' bit-string literal (value = the digits). */
        BIT_STRING,
        NUMBER,
        /** $1, $2 ... (value = the number). */
        PARAM,
        /** Operators and punctuation: ( ) , ; . :: [ ] and operator character runs. */
        SYMBOL,
        /** Whitespace and comments. */
        SPACE
    }

    public boolean isWord(String lowerWord) {
        return kind == Kind.WORD && value.equals(lowerWord);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
