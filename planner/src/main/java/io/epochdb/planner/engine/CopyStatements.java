package io.epochdb.planner.engine;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.DateTimeText;
import io.epochdb.exec.types.PgText;
import io.epochdb.planner.CopyIn;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.ResultColumn;
import io.epochdb.planner.parse.Token;
import io.epochdb.planner.plan.PlannedQuery;
import io.epochdb.planner.utility.TokenStream;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.vector.ArrowTypes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;

/** COPY table FROM STDIN and COPY table|(query) TO STDOUT, in text and CSV formats. */
final class CopyStatements {
    private final SessionImpl session;

    CopyStatements(SessionImpl session) {
        this.session = session;
    }

    PreparedImpl prepare(ParsedStatement ps) {
        TokenStream ts = new TokenStream(ps.tokens(), ps.sql());
        ts.next();
        ParsedStatement query = null;
        String[] table = null;
        if (ts.isSymbol("(")) {
            int start = ts.position() + 1;
            int depth = 0;
            do {
                Token t = ts.next();
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")")) {
                    depth--;
                }
            } while (depth > 0);
            List<Token> inner = ps.tokens().subList(start, ts.position() - 1);
            query = new ParsedStatement(DmlStatements.text(inner), inner);
        } else {
            table = ts.qualifiedName();
        }
        List<String> columns = ts.isSymbol("(") ? DdlStatements.columnList(ts) : null;
        boolean from = ts.accept("from");
        if (!from) {
            ts.expect("to");
        }
        if (!ts.accept("stdin") && !ts.accept("stdout")) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY to or from a file is not supported; use STDIN/STDOUT");
        }
        CopyOptions options = CopyOptions.parse(ts);
        if (from) {
            if (query != null) {
                throw new EpochException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"FROM\"");
            }
            String[] t = table;
            return new PreparedImpl(ps, List.of(), List.of(), params -> copyIn(t, columns, options), false);
        }
        if (query == null) {
            List<Token> select = new ArrayList<>();
            select.add(DmlStatements.word("select"));
            if (columns == null) {
                select.add(DmlStatements.symbol("*"));
            } else {
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        select.add(DmlStatements.symbol(","));
                    }
                    select.add(DmlStatements.quoted(columns.get(i)));
                }
            }
            select.add(DmlStatements.word("from"));
            if (table[0] != null) {
                select.add(DmlStatements.quoted(table[0]));
                select.add(DmlStatements.symbol("."));
            }
            select.add(DmlStatements.quoted(table[1]));
            query = new ParsedStatement(DmlStatements.text(select), select);
        }
        PlannedQuery q = session.planQuery(query, List.of());
        return new PreparedImpl(ps, List.of(), List.of(), params -> copyOut(q, options), false);
    }

    // --- COPY TO STDOUT -----------------------------------------------------------------------------------------

    private QueryResult copyOut(PlannedQuery q, CopyOptions o) {
        QueryResult rows = session.runQuery(q, List.of(), "COPY");
        List<ResultColumn> columns = q.columns();
        return new QueryResult() {
            private boolean headerSent = !o.header;
            private long count;

            @Override
            public Kind kind() {
                return Kind.COPY_OUT;
            }

            @Override
            public List<ResultColumn> columns() {
                return columns;
            }

            @Override
            public Batch next() {
                List<String> lines = new ArrayList<>();
                if (!headerSent) {
                    headerSent = true;
                    List<String> names = new ArrayList<>();
                    for (ResultColumn c : columns) {
                        names.add(c.name());
                    }
                    lines.add(formatLine(names, o));
                }
                Batch b = rows.next();
                if (b == null && lines.isEmpty()) {
                    return null;
                }
                if (b != null) {
                    try (Batch owned = b) {
                        List<String> values = new ArrayList<>(columns.size());
                        for (int r = 0; r < b.rowCount(); r++) {
                            values.clear();
                            for (int c = 0; c < columns.size(); c++) {
                                ColumnType t = columns.get(c).type();
                                Object v = ArrowTypes.get(b.column(c), r, t.type());
                                values.add(v == null ? null : PgText.format(v, t, session.settings.zone()));
                            }
                            lines.add(formatLine(values, o));
                        }
                        count += b.rowCount();
                    }
                }
                BufferAllocator allocator = session.currentContext.allocator();
                VarCharVector out = (VarCharVector) ArrowTypes.newVector("line", ColumnType.of(SqlType.TEXT), allocator, lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    out.setSafe(i, lines.get(i).getBytes(StandardCharsets.UTF_8));
                }
                return new Batch(List.of(out), lines.size());
            }

            @Override
            public String commandTag() {
                return "COPY " + count;
            }

            @Override
            public CopyIn copyIn() {
                return null;
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    static String formatLine(List<String> values, CopyOptions o) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(o.delimiter);
            }
            String v = values.get(i);
            if (v == null) {
                sb.append(o.nullString);
            } else if (o.csv) {
                boolean needQuote = v.isEmpty() && o.nullString.isEmpty() || v.indexOf(o.delimiter) >= 0
                    || v.indexOf(o.quote) >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.equals(o.nullString);
                if (needQuote) {
                    sb.append(o.quote);
                    for (int k = 0; k < v.length(); k++) {
                        char ch = v.charAt(k);
                        if (ch == o.quote || ch == o.escape) {
                            sb.append(o.escape);
                        }
                        sb.append(ch);
                    }
                    sb.append(o.quote);
                } else {
                    sb.append(v);
                }
            } else {
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    switch (ch) {
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        case '\t' -> sb.append("\\t");
                        case '\b' -> sb.append("\\b");
                        case '\f' -> sb.append("\\f");
                        case 11 -> sb.append("\\v");
                        default -> {
                            if (ch == o.delimiter) {
                                sb.append('\\');
                            }
                            sb.append(ch);
                        }
                    }
                }
            }
        }
        return sb.append('\n').toString();
    }

    // --- COPY FROM STDIN ----------------------------------------------------------------------------------------

    private QueryResult copyIn(String[] tableName, List<String> columnNames, CopyOptions o) {
        TableDef def = new DdlStatements(session).resolveTable(tableName);
        if (def.isView()) {
            throw new EpochException(ErrorCode.WRONG_OBJECT_TYPE, "cannot copy to view \"" + def.name() + "\"");
        }
        List<Integer> targets = new ArrayList<>();
        if (columnNames == null) {
            for (int i = 0; i < def.columns().size(); i++) {
                targets.add(i);
            }
        } else {
            for (String c : columnNames) {
                int idx = def.columnIndex(c);
                if (idx < 0) {
                    throw new EpochException(ErrorCode.UNDEFINED_COLUMN, "column \"" + c + "\" of relation \"" + def.name() + "\" does not exist");
                }
                targets.add(idx);
            }
        }
        Object[] defaults = new Object[def.columns().size()];
        String[] sequences = new String[def.columns().size()];
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDef cd = def.columns().get(i);
            if (targets.contains(i) || cd.defaultSql() == null) {
                continue;
            }
            String d = cd.defaultSql().trim();
            if (d.startsWith("nextval(")) {
                int q1 = d.indexOf('\'');
                int q2 = d.indexOf('\'', q1 + 1);
                sequences[i] = d.substring(q1 + 1, q2);
            } else {
                defaults[i] = session.evaluateConstant(d, cd.type());
            }
        }
        CopyLoader loader = new CopyLoader(def, targets, defaults, sequences, o);
        return new QueryResult() {
            @Override
            public Kind kind() {
                return Kind.COPY_IN;
            }

            @Override
            public List<ResultColumn> columns() {
                List<ResultColumn> cols = new ArrayList<>();
                for (int t : targets) {
                    cols.add(ResultColumn.of(def.columns().get(t).name(), def.columns().get(t).type()));
                }
                return cols;
            }

            @Override
            public Batch next() {
                return null;
            }

            @Override
            public String commandTag() {
                return "COPY " + loader.rows;
            }

            @Override
            public CopyIn copyIn() {
                return loader;
            }

            @Override
            public void close() {
                loader.release();
            }
        };
    }

    /**
     * Parses COPY data as it arrives, a record at a time, and inserts it in batches into the statement's
     * transaction; memory stays bounded by one batch. Any bad record aborts the whole COPY (the transaction is
     * rolled back, or the block marked failed), naming the line.
     */
    /** Threads that parse and store COPY batches while the session's thread splits the next records off. */
    private static final java.util.concurrent.ExecutorService COPY_WRITERS =
        java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "epochdb-copy-writer");
            t.setDaemon(true);
            return t;
        });

    private final class CopyLoader implements CopyIn {
        private static final int BATCH_ROWS = 4096;
        private final TableDef def;
        private final List<Integer> targets;
        /** Per column: whether COPY supplies it (else DEFAULT/sequence), without a List lookup per value. */
        private final boolean[] isTarget;
        private final Object[] defaults;
        private final String[] sequences;
        private final CopyOptions o;
        private final Transaction tx;
        private final boolean autocommit;
        private final BufferAllocator allocator;
        private final Table table;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private List<String> records = new ArrayList<>(BATCH_ROWS);
        private long firstLine;
        private final List<Future<Long>> inFlight = new ArrayList<>(2);
        private final java.time.ZoneId zone;
        long rows;
        private long line;
        private boolean headerSkipped;
        private boolean ended;
        private boolean finished;

        CopyLoader(TableDef def, List<Integer> targets, Object[] defaults, String[] sequences, CopyOptions o) {
            this.def = def;
            this.targets = targets;
            this.defaults = defaults;
            this.sequences = sequences;
            this.o = o;
            this.autocommit = !session.inBlock();
            this.tx = autocommit ? session.storage().transactions().begin() : session.blockTransaction();
            this.tx.beginStatement();
            this.allocator = session.newQueryAllocator();
            this.table = session.storage().table(def.oid());
            this.headerSkipped = !o.header;
            this.zone = session.settings.zone();
            this.isTarget = new boolean[def.columns().size()];
            for (int t : targets) {
                isTarget[t] = true;
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            try {
                pending.write(data, offset, length);
                drain(false);
            } catch (RuntimeException e) {
                fail();
                throw e;
            }
        }

        @Override
        public String finish() {
            try {
                drain(true);
                submitBatch();
                awaitAll();
                if (autocommit) {
                    session.commitTransaction(tx);
                }
                finished = true;
                return "COPY " + rows;
            } catch (RuntimeException e) {
                fail();
                throw e;
            } finally {
                release();
            }
        }

        @Override
        public void abort(String reason) {
            fail();
            release();
        }

        private void fail() {
            quietlyAwaitInFlight();
            if (finished) {
                return;
            }
            finished = true;
            if (autocommit) {
                session.storage().transactions().rollback(tx);
            } else {
                session.markBlockFailed(tx);
            }
        }

        void release() {
            quietlyAwaitInFlight();
            if (!finished) {
                fail();
            }
            allocator.close();
        }

        /** Consumes every complete record in the pending bytes (all of them at the end of data). */
        private void drain(boolean atEnd) {
            byte[] buf = pending.toByteArray();
            int start = 0;
            while (start < buf.length && !ended) {
                int end = recordEnd(buf, start);
                if (end < 0) {
                    if (!atEnd) {
                        break;
                    }
                    end = buf.length;
                }
                int next = end < buf.length ? end + 1 : end;
                int stop = end > start && buf[end - 1] == '\r' ? end - 1 : end;
                String record = new String(buf, start, stop - start, StandardCharsets.UTF_8);
                start = next;
                line++;
                if (!o.csv && record.equals("\\.")) {
                    ended = true;
                    break;
                }
                if (!headerSkipped) {
                    headerSkipped = true;
                    continue;
                }
                if (record.isEmpty() && atEnd && start >= buf.length) {
                    continue;
                }
                addRecord(record);
            }
            pending.reset();
            if (start < buf.length && !ended) {
                pending.write(buf, start, buf.length - start);
            }
        }

        /** The index of the newline ending the record starting at {@code start}, honouring CSV quotes; -1 if none yet. */
        private int recordEnd(byte[] buf, int start) {
            boolean inQuotes = false;
            for (int i = start; i < buf.length; i++) {
                byte b = buf[i];
                if (o.csv) {
                    if (b == o.quote) {
                        inQuotes = !inQuotes;
                    } else if (b == '\n' && !inQuotes) {
                        return i;
                    }
                } else if (b == '\\' && i + 1 < buf.length) {
                    i++;
                } else if (b == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /** Queues a record; every BATCH_ROWS records go to a worker that parses and stores them. */
        private void addRecord(String record) {
            if (records.isEmpty()) {
                firstLine = line;
            }
            records.add(record);
            if (records.size() >= BATCH_ROWS) {
                submitBatch();
            }
        }

        /**
         * Parses and stores the queued records on a worker thread, so two batches are parsed at once (COPY is
         * bound by parsing text; this uses both cores). At most two batches are in flight; the first error of any
         * of them fails the COPY, with its line number.
         */
        private void submitBatch() {
            if (records.isEmpty()) {
                return;
            }
            List<String> batch = records;
            long batchFirstLine = firstLine;
            records = new ArrayList<>(BATCH_ROWS);
            while (inFlight.size() >= 2) {
                awaitOldest();
            }
            inFlight.add(COPY_WRITERS.submit(() -> parseAndStore(batch, batchFirstLine)));
        }

        private long parseAndStore(List<String> batch, long batchFirstLine) {
            List<FieldVector> vectors = new ArrayList<>(def.columns().size());
            try {
                for (ColumnDef c : def.columns()) {
                    vectors.add(ArrowTypes.newVector(c.name(), c.type(), allocator, batch.size()));
                }
                for (int r = 0; r < batch.size(); r++) {
                    parseRecord(batch.get(r), batchFirstLine + r, vectors, r);
                }
                for (FieldVector v : vectors) {
                    v.setValueCount(batch.size());
                }
                try {
                    return table.insert(tx, vectors, batch.size());
                } catch (EpochException e) {
                    throw e.withDetail("COPY " + def.name() + ", around line " + (batchFirstLine + batch.size() - 1));
                }
            } finally {
                vectors.forEach(FieldVector::close);
            }
        }

        private void parseRecord(String record, long lineNo, List<FieldVector> vectors, int row) {
            List<String> fields = o.csv ? splitCsv(record, lineNo) : splitText(record);
            if (fields.size() != targets.size()) {
                throw copyError(fields.size() < targets.size() ? "missing data for column \""
                    + def.columns().get(targets.get(fields.size())).name() + "\"" : "extra data after last expected column",
                    null, lineNo);
            }
            for (int i = 0; i < def.columns().size(); i++) {
                if (!isTarget[i]) {
                    Object v = sequences[i] != null ? (Object) coerceSequence(session.engine.sequence(sequences[i]).incrementAndGet(), def.columns().get(i).type())
                        : defaults[i];
                    ArrowTypes.set(vectors.get(i), row, v, def.columns().get(i).type().type());
                }
            }
            for (int f = 0; f < fields.size(); f++) {
                int col = targets.get(f);
                ColumnDef cd = def.columns().get(col);
                String text = fields.get(f);
                try {
                    setParsed(vectors.get(col), row, text, cd);
                } catch (EpochException e) {
                    throw copyError(e.getMessage(), "column " + cd.name() + ": \"" + text + "\"", lineNo).withCode(e);
                }
            }
        }

        private Object coerceSequence(long v, ColumnType t) {
            return switch (t.type()) {
                case INT2 -> (short) v;
                case INT4 -> (int) v;
                default -> v;
            };
        }

        /**
         * Parses {@code text} into the vector: the types sensor data is made of go straight in without a boxed
         * value; the rest through PgText and ArrowTypes.
         */
        private void setParsed(FieldVector v, int row, String text, ColumnDef cd) {
            if (text == null) {
                ArrowTypes.set(v, row, null, cd.type().type());
                return;
            }
            switch (cd.type().type()) {
                case FLOAT8 -> ((Float8Vector) v).setSafe(row, PgText.parseFloat(text, "double precision"));
                case INT8 -> ((BigIntVector) v).setSafe(row,
                    PgText.parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"));
                case INT4 -> ((IntVector) v).setSafe(row,
                    (int) PgText.parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"));
                case TIMESTAMPTZ -> ((TimeStampVector) v).setSafe(row, DateTimeText.parseTimestamptz(text, zone));
                case TEXT -> ((VarCharVector) v).setSafe(row, text.getBytes(StandardCharsets.UTF_8));
                default -> ArrowTypes.set(v, row, PgText.parse(text, cd.type(), zone), cd.type().type());
            }
        }

        /** Waits for the oldest batch in flight and counts its rows; rethrows its error. */
        private void awaitOldest() {
            Future<Long> f = inFlight.remove(0);
            try {
                rows += f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(false);
                throw new EpochException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
        }

        private void awaitAll() {
            RuntimeException first = null;
            while (!inFlight.isEmpty()) {
                try {
                    awaitOldest();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }

        /** Before rolling back or freeing memory: lets batches in flight finish, ignoring their outcome. */
        private void quietlyAwaitInFlight() {
            try {
                awaitAll();
            } catch (RuntimeException ignored) {
                // the COPY is failing anyway
            }
        }

        /** The common case, a CSV record without quotes: fields are the text between delimiters. */
        private List<String> splitUnquotedCsv(String record) {
            List<String> out = new ArrayList<>(targets.size());
            int start = 0;
            while (true) {
                int end = record.indexOf(o.delimiter, start);
                String field = record.substring(start, end < 0 ? record.length() : end);
                out.add(field.equals(o.nullString) ? null : field);
                if (end < 0) {
                    return out;
                }
                start = end + 1;
            }
        }

        private CopyError copyError(String message, String where, long lineNo) {
            return new CopyError(message, "COPY " + def.name() + ", line " + lineNo + (where == null ? "" : ", " + where));
        }

        private List<String> splitText(String record) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean raw = true;
            int i = 0;
            int fieldStart = 0;
            while (i <= record.length()) {
                if (i == record.length() || record.charAt(i) == o.delimiter) {
                    String rawText = record.substring(fieldStart, i);
                    out.add(rawText.equals(o.nullString) ? null : cur.toString());
                    cur.setLength(0);
                    i++;
                    fieldStart = i;
                    continue;
                }
                char c = record.charAt(i);
                if (c == '\\' && i + 1 < record.length()) {
                    char e = record.charAt(i + 1);
                    i += 2;
                    switch (e) {
                        case 'n' -> cur.append('\n');
                        case 't' -> cur.append('\t');
                        case 'r' -> cur.append('\r');
                        case 'b' -> cur.append('\b');
                        case 'f' -> cur.append('\f');
                        case 'v' -> cur.append((char) 11);
                        case 'N' -> cur.append("\\N");
                        case 'x' -> {
                            int end = i;
                            while (end < record.length() && end < i + 2 && Character.digit(record.charAt(end), 16) >= 0) {
                                end++;
                            }
                            if (end > i) {
                                cur.append((char) Integer.parseInt(record.substring(i, end), 16));
                                i = end;
                            } else {
                                cur.append('x');
                            }
                        }
                        default -> {
                            if (e >= '0' && e <= '7') {
                                int end = i - 1;
                                while (end < record.length() && end < i + 2 && record.charAt(end) >= '0' && record.charAt(end) <= '7') {
                                    end++;
                                }
                                cur.append((char) Integer.parseInt(record.substring(i - 1, end), 8));
                                i = end;
                            } else {
                                cur.append(e);
                            }
                        }
                    }
                    continue;
                }
                cur.append(c);
                i++;
            }
            return out;
        }

        private List<String> splitCsv(String record, long lineNo) {
            if (record.indexOf(o.quote) < 0) {
                return splitUnquotedCsv(record);
            }
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            for (int i = 0; i <= record.length(); i++) {
                if (i == record.length()) {
                    if (quoted) {
                        throw copyError("unterminated CSV quoted field", null, lineNo);
                    }
                    out.add(!wasQuoted && cur.toString().equals(o.nullString) ? null : cur.toString());
                    break;
                }
                char c = record.charAt(i);
                if (quoted) {
                    if (c == o.escape && i + 1 < record.length()
                        && (record.charAt(i + 1) == o.quote || record.charAt(i + 1) == o.escape)) {
                        cur.append(record.charAt(i + 1));
                        i++;
                        continue;
                    }
                    if (c == o.quote) {
                        quoted = false;
                        continue;
                    }
                    cur.append(c);
                } else if (c == o.quote) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == o.delimiter) {
                    out.add(!wasQuoted && cur.toString().equals(o.nullString) ? null : cur.toString());
                    cur.setLength(0);
                    wasQuoted = false;
                } else {
                    cur.append(c);
                }
            }
            return out;
        }
    }

    /** A COPY data error: 22P04 (or the value's own SQLSTATE) with the line in the detail, as PostgreSQL's CONTEXT. */
    private static final class CopyError extends EpochException {
        CopyError(String message, String context) {
            super(ErrorCode.BAD_COPY_FILE_FORMAT, message, context, null, 0, null);
        }

        EpochException withCode(EpochException original) {
            return new EpochException(original.code(), getMessage(), detail(), null, 0, original);
        }
    }
}
