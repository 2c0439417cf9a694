package io.epochdb.jdbc.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A .sql file cut into what the runner echoes: comment and blank lines as they are, and statements (text up to a
 * semicolon outside quotes and comments). Each statement keeps its original lines so the output echoes it as written.
 */
public final class SqlScript {
    /** One piece of the script: a statement (sent to the server) or a line echoed as is. */
    public record Item(String text, boolean statement) {
        public Item {
            Objects.requireNonNull(text, "text");
        }
    }

    private SqlScript() {
    }

    public static List<Item> parse(String source) {
        List<Item> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inSingle = false;
        boolean inDouble = false;
        for (String line : source.split("\n", -1)) {
            if (current.length() == 0 && (line.isBlank() || line.stripLeading().startsWith("--"))) {
                items.add(new Item(line, false));
                continue;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
            boolean ended = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (inSingle) {
                    inSingle = ch != '\'';
                } else if (inDouble) {
                    inDouble = ch != '"';
                } else if (ch == '\'') {
                    inSingle = true;
                } else if (ch == '"') {
                    inDouble = true;
                } else if (ch == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                    break; // rest of the line is a comment
                } else if (ch == ';') {
                    ended = true; // a statement ends at the last semicolon of its line
                }
            }
            if (ended && !inSingle && !inDouble) {
                items.add(new Item(current.toString(), true));
                current.setLength(0);
            }
        }
        // drop the empty line a trailing newline produces
        if (!items.isEmpty() && !items.get(items.size() - 1).statement() && items.get(items.size() - 1).text().isEmpty()
            && source.endsWith("\n")) {
            items.remove(items.size() - 1);
        }
        if (current.length() > 0) {
            throw new IllegalArgumentException("statement without a final semicolon: " + current);
        }
        return List.copyOf(items);
    }

    /** The statement as sent: the text without its final semicolon. */
    public static String sqlOf(Item statement) {
        String t = statement.text().strip();
        return t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
    }
}
