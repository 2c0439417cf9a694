package io.epochdb.pgwire.server;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import io.epochdb.pgwire.auth.ScramSha256Server;
import io.epochdb.pgwire.message.BackendMessages;
import io.epochdb.pgwire.message.FrontendMessage;
import io.epochdb.pgwire.message.MessageReader;
import io.epochdb.pgwire.session.Portal;
import io.epochdb.pgwire.session.PreparedStatementEntry;
import io.epochdb.pgwire.session.ProtocolState;
import io.epochdb.pgwire.types.ParameterDecoder;
import io.epochdb.pgwire.types.PgTypes;
import io.epochdb.planner.CopyIn;
import io.epochdb.planner.Engine;
import io.epochdb.planner.Prepared;
import io.epochdb.planner.QueryResult;
import io.epochdb.planner.Session;
import io.epochdb.planner.Statement;
import io.epochdb.storage.catalog.ScramVerifier;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol state machine of one connection: startup and authentication, simple and extended query, COPY. Runs
 * on the connection's serial worker, never on the event loop, one message at a time.
 */
final class PgConnection {
    private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);

    private enum Phase { STARTUP, SASL_INITIAL, SASL_CONTINUE, READY, COPY_IN, CLOSED }

    private final Engine engine;
    private final Channel channel;
    private final Output out;
    private final ProtocolState state = new ProtocolState();
    private final ResultWriter results;
    private Phase phase = Phase.STARTUP;
    private Map<String, String> startupParameters;
    private String user;
    private String database;
    private ScramSha256Server scram;
    private volatile Session session;
    /** After an error in the extended protocol, everything up to Sync is skipped. */
    private boolean ignoreTillSync;
    private CopyInProgress copy;
    private String zoneSetting;
    private ZoneId zone = java.time.ZoneOffset.UTC;

    PgConnection(Engine engine, Channel channel, Output out) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.out = Objects.requireNonNull(out, "out");
        this.results = new ResultWriter(out);
    }

    /** The session once startup completed, else null. Read from the event loop for cancellation. */
    Session session() {
        return session;
    }

    /** A COPY FROM STDIN waiting for data: the sink and, for a simple Query, the statements after the COPY. */
    private record CopyInProgress(QueryResult result, CopyIn sink, List<Statement> rest, boolean simple) {
    }

    // ---------------------------------------------------------------- dispatch

    void handle(FrontendMessage m) {
        if (phase == Phase.CLOSED) {
            return;
        }
        try {
            switch (phase) {
                case STARTUP -> onStartupPhase(m);
                case SASL_INITIAL, SASL_CONTINUE -> onAuthPhase(m);
                case COPY_IN -> onCopyIn(m);
                default -> onReady(m);
            }
        } catch (Output.ConnectionClosedException e) {
            closeNow();
        } catch (Throwable t) {
            LOG.error("unexpected failure in protocol handler", t);
            fatal(t);
        }
    }

    /** Connection gone: free everything (called on the worker after the last message). */
    void closed() {
        out.discard();
        if (copy != null) {
            try {
                copy.sink().abort("connection closed");
            } catch (RuntimeException e) {
                LOG.debug("abort of COPY on close failed", e);
            }
            copy.result().close();
            copy = null;
        }
        state.close();
        Session s = session;
        session = null;
        phase = Phase.CLOSED;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("closing session failed", e);
            }
        }
    }

    private void fatal(Throwable t) {
        ByteBuf b = out.buffer();
        ErrorReport.write(b, "FATAL", t);
        out.flush();
        closeNow();
    }

    private void closeNow() {
        phase = Phase.CLOSED;
        out.flush();
        channel.close();
    }

    // ---------------------------------------------------------------- startup and authentication

    private void onStartupPhase(FrontendMessage m) {
        if (m instanceof FrontendMessage.SslRequest || m instanceof FrontendMessage.GssEncRequest) {
            out.buffer().writeByte('N');
            out.flush();
        } else if (m instanceof FrontendMessage.CancelRequest c) {
            try {
                engine.cancel(c.processId(), c.secretKey());
            } finally {
                closeNow();
            }
        } else if (m instanceof FrontendMessage.Startup s) {
            onStartup(s);
        } else if (m instanceof FrontendMessage.ProtocolViolation v) {
            fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION, v.message()));
        } else {
            fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION, "unexpected message during startup"));
        }
    }

    private void onStartup(FrontendMessage.Startup s) {
        if (s.major() != 3) {
            fatal(EpochException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
                "unsupported frontend protocol %d.%d: server supports 3.0 to 3.0", s.major(), s.minor()));
            return;
        }
        List<String> unrecognized = new ArrayList<>();
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : s.parameters().entrySet()) {
            if (e.getKey().startsWith("_pq_.")) {
                unrecognized.add(e.getKey());
            } else {
                params.put(e.getKey(), e.getValue());
            }
        }
        if (s.minor() > 0 || !unrecognized.isEmpty()) {
            BackendMessages.negotiateProtocolVersion(out.buffer(), 0, unrecognized);
        }
        startupParameters = Map.copyOf(params);
        user = params.get("user");
        if (user == null || user.isEmpty()) {
            fatal(new EpochException(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                "no PostgreSQL user name specified in startup packet"));
            return;
        }
        database = params.getOrDefault("database", user);
        if (database.isEmpty()) {
            database = user;
        }
        if (!engine.roleCanLogin(user)) {
            fatal(EpochException.of(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" does not exist", user));
            return;
        }
        String verifierText = engine.passwordVerifier(user);
        if (verifierText == null) {
            if (!isLoopback(channel.remoteAddress())) {
                fatal(ScramSha256Server.passwordFailed(user));
                return;
            }
            completeStartup();
            return;
        }
        ScramVerifier verifier = ScramVerifier.parse(verifierText);
        if (verifier == null) {
            fatal(ScramSha256Server.passwordFailed(user));
            return;
        }
        scram = new ScramSha256Server(user, verifier);
        BackendMessages.authenticationSasl(out.buffer(), List.of(ScramSha256Server.MECHANISM));
        out.flush();
        phase = Phase.SASL_INITIAL;
    }

    static boolean isLoopback(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
        }
        return true; // in-process channels (tests, unix domain sockets) are local
    }

    private void onAuthPhase(FrontendMessage m) {
        if (m instanceof FrontendMessage.Terminate) {
            closeNow(); // e.g. psql giving up at its password prompt
            return;
        }
        if (m instanceof FrontendMessage.ProtocolViolation v) {
            fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION, v.message()));
            return;
        }
        if (!(m instanceof FrontendMessage.PasswordData p)) {
            fatal(EpochException.of(ErrorCode.PROTOCOL_VIOLATION, "expected SASL response, got message type %d",
                (int) typeByte(m)));
            return;
        }
        try {
            if (phase == Phase.SASL_INITIAL) {
                ByteBuf body = Unpooled.wrappedBuffer(p.body());
                String mechanism = MessageReader.cstring(body);
                if (!mechanism.equals(ScramSha256Server.MECHANISM)) {
                    fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION,
                        "client selected an invalid SASL authentication mechanism"));
                    return;
                }
                int len = MessageReader.int32(body);
                byte[] data = len < 0 ? new byte[0] : MessageReader.bytes(body, len);
                BackendMessages.authenticationSaslContinue(out.buffer(), scram.serverFirst(data));
                out.flush();
                phase = Phase.SASL_CONTINUE;
            } else {
                byte[] serverFinal = scram.serverFinal(p.body());
                BackendMessages.authenticationSaslFinal(out.buffer(), serverFinal);
                scram = null;
                completeStartup();
            }
        } catch (MessageReader.MalformedMessageException e) {
            fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION, e.getMessage()));
        } catch (EpochException e) {
            fatal(e);
        }
    }

    private void completeStartup() {
        Session s;
        try {
            s = engine.openSession(user, database, startupParameters);
        } catch (RuntimeException e) {
            fatal(e);
            return;
        }
        session = s;
        ByteBuf b = out.buffer();
        BackendMessages.authenticationOk(b);
        for (Map.Entry<String, String> e : s.reportedParameters().entrySet()) {
            BackendMessages.parameterStatus(b, e.getKey(), e.getValue());
        }
        s.drainParameterStatusChanges();
        BackendMessages.backendKeyData(b, s.processId(), s.secretKey());
        phase = Phase.READY;
        readyForQuery();
        if (!channel.isActive()) {
            closeNow();
        }
    }

    // ---------------------------------------------------------------- normal operation

    private void onReady(FrontendMessage m) {
        if (m instanceof FrontendMessage.Terminate) {
            closeNow();
            return;
        }
        if (m instanceof FrontendMessage.ProtocolViolation v) {
            fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION, v.message()));
            return;
        }
        if (m instanceof FrontendMessage.PasswordData) {
            fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION, "invalid frontend message type " + (int) 'p'));
            return;
        }
        if (ignoreTillSync && !(m instanceof FrontendMessage.Sync)) {
            return;
        }
        if (m instanceof FrontendMessage.Query q) {
            simpleQuery(q.sql());
        } else if (m instanceof FrontendMessage.Sync) {
            sync();
        } else if (m instanceof FrontendMessage.Flush) {
            out.flush();
        } else if (m instanceof FrontendMessage.CopyData || m instanceof FrontendMessage.CopyDone
            || m instanceof FrontendMessage.CopyFail) {
            // Accepted and ignored, as PostgreSQL does: a COPY that failed leaves the client sending these.
            return;
        } else {
            extended(m);
        }
    }

    /** ReadyForQuery, preceded (as PostgreSQL does) by ParameterStatus for settings changed since the last one. */
    private void readyForQuery() {
        reportParameterChanges();
        char status = session.transactionStatus();
        if (status == 'I') {
            state.closeAllPortals();
        }
        BackendMessages.readyForQuery(out.buffer(), status);
        out.flush();
    }

    private void reportParameterChanges() {
        try {
            for (Map.Entry<String, String> e : session.drainParameterStatusChanges().entrySet()) {
                BackendMessages.parameterStatus(out.buffer(), e.getKey(), e.getValue());
            }
        } catch (RuntimeException e) {
            LOG.warn("reading changed parameters failed", e);
        }
    }

    /** Notices the statement raised go out before its CommandComplete or ErrorResponse. */
    private void reportNotices() {
        try {
            for (String notice : session.drainNotices()) {
                ErrorReport.notice(out.buffer(), notice);
            }
        } catch (RuntimeException e) {
            LOG.warn("reading notices failed", e);
        }
    }

    private void commandComplete(String tag) {
        reportNotices();
        BackendMessages.commandComplete(out.buffer(), tag);
    }

    private ZoneId zone() {
        String tz = session.setting("TimeZone");
        if (!Objects.equals(tz, zoneSetting)) {
            zoneSetting = tz;
            zone = PgTypes.zone(tz);
        }
        return zone;
    }

    /** Writes an ERROR for a failed statement (the connection goes on). */
    private void error(Throwable t) {
        if (t instanceof Output.ConnectionClosedException c) {
            throw c;
        }
        reportNotices();
        ErrorReport.write(out.buffer(), "ERROR", t);
    }

    // ---------------------------------------------------------------- simple query

    private void simpleQuery(String sql) {
        state.closePortal("");
        List<Statement> statements;
        try {
            statements = session.parse(sql);
        } catch (Throwable t) {
            error(t);
            readyForQuery();
            return;
        }
        if (statements.isEmpty()) {
            BackendMessages.emptyQueryResponse(out.buffer());
            readyForQuery();
            return;
        }
        runSimple(statements);
    }

    /** Runs statements of a simple Query in order; stops at the first error or at a COPY FROM STDIN. */
    private void runSimple(List<Statement> statements) {
        for (int i = 0; i < statements.size(); i++) {
            Statement stmt = statements.get(i);
            QueryResult result = null;
            try {
                if (stmt.isEmpty()) {
                    BackendMessages.emptyQueryResponse(out.buffer());
                    continue;
                }
                Prepared prepared = session.prepare(stmt, List.of());
                result = session.execute(prepared, List.of());
                if (result.kind() == QueryResult.Kind.COPY_IN) {
                    startCopyIn(result, statements.subList(i + 1, statements.size()), true);
                    return;
                }
                QueryResult r = result;
                result = null;
                try (r) {
                    switch (r.kind()) {
                        case ROWS -> {
                            results.rowDescription(r.columns(), null, zone());
                            results.sendRows(r, null, null, 0, zone());
                            commandComplete(r.commandTag());
                        }
                        case COPY_OUT -> {
                            results.copyOut(r);
                            commandComplete(r.commandTag());
                        }
                        case EMPTY -> BackendMessages.emptyQueryResponse(out.buffer());
                        default -> commandComplete(r.commandTag());
                    }
                }
            } catch (Throwable t) {
                if (result != null) {
                    closeQuietly(result);
                }
                error(t);
                break;
            }
        }
        readyForQuery();
    }

    private static void closeQuietly(QueryResult r) {
        try {
            r.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a result failed", e);
        }
    }

    // ---------------------------------------------------------------- COPY FROM STDIN

    private void startCopyIn(QueryResult result, List<Statement> rest, boolean simple) {
        copy = new CopyInProgress(result, result.copyIn(), List.copyOf(rest), simple);
        phase = Phase.COPY_IN;
        BackendMessages.copyResponse(out.buffer(), 'G', result.binaryCopy(), result.columns().size());
        out.flush();
    }

    private void onCopyIn(FrontendMessage m) {
        CopyInProgress c = copy;
        if (m instanceof FrontendMessage.CopyData d) {
            try {
                c.sink().write(d.data(), 0, d.data().length);
            } catch (Throwable t) {
                endCopy(t);
            }
        } else if (m instanceof FrontendMessage.CopyDone) {
            try {
                String tag = c.sink().finish();
                copy = null;
                phase = Phase.READY;
                closeQuietly(c.result());
                commandComplete(tag);
                if (c.simple()) {
                    if (c.rest().isEmpty()) {
                        readyForQuery();
                    } else {
                        runSimple(c.rest());
                    }
                }
            } catch (Throwable t) {
                endCopy(t);
            }
        } else if (m instanceof FrontendMessage.CopyFail f) {
            endCopy(new EpochException(ErrorCode.QUERY_CANCELED, "COPY from stdin failed: " + f.message()));
        } else if (m instanceof FrontendMessage.Flush || m instanceof FrontendMessage.Sync) {
            // PostgreSQL ignores these during COPY IN (a driver may send them right after Execute)
            return;
        } else if (m instanceof FrontendMessage.Terminate) {
            closeNow();
        } else if (m instanceof FrontendMessage.ProtocolViolation v) {
            fatal(new EpochException(ErrorCode.PROTOCOL_VIOLATION, v.message()));
        } else {
            endCopy(EpochException.of(ErrorCode.PROTOCOL_VIOLATION,
                "unexpected message type 0x%02X during COPY from stdin", (int) typeByte(m)));
        }
    }

    /** The COPY failed: abort the sink, report, and go back to normal operation. */
    private void endCopy(Throwable t) {
        CopyInProgress c = copy;
        copy = null;
        phase = Phase.READY;
        if (c != null) {
            try {
                c.sink().abort(t.getMessage() == null ? "aborted" : t.getMessage());
            } catch (RuntimeException e) {
                LOG.debug("COPY abort failed", e);
            }
            closeQuietly(c.result());
        }
        error(t);
        if (c == null || c.simple()) {
            readyForQuery();
        } else {
            ignoreTillSync = true;
        }
    }

    // ---------------------------------------------------------------- extended query

    private void sync() {
        ignoreTillSync = false;
        readyForQuery();
    }

    private void extended(FrontendMessage m) {
        try {
            if (m instanceof FrontendMessage.Parse p) {
                parse(p);
            } else if (m instanceof FrontendMessage.Bind b) {
                bind(b);
            } else if (m instanceof FrontendMessage.Describe d) {
                describe(d);
            } else if (m instanceof FrontendMessage.Execute e) {
                execute(e);
            } else if (m instanceof FrontendMessage.Close c) {
                if (c.kind() == 'S') {
                    state.closeStatement(c.name());
                } else {
                    state.closePortal(c.name());
                }
                BackendMessages.closeComplete(out.buffer());
            } else {
                throw new EpochException(ErrorCode.PROTOCOL_VIOLATION,
                    "invalid frontend message type " + (int) typeByte(m));
            }
        } catch (Output.ConnectionClosedException e) {
            throw e;
        } catch (Throwable t) {
            error(t);
            ignoreTillSync = true;
        }
        out.maybeFlushChunk();
    }

    private void parse(FrontendMessage.Parse p) {
        if (!p.statementName().isEmpty() && state.hasStatement(p.statementName())) {
            throw EpochException.of(ErrorCode.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"%s\" already exists",
                p.statementName());
        }
        List<Statement> statements = session.parse(p.sql());
        if (statements.size() > 1) {
            throw new EpochException(ErrorCode.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        Statement stmt = statements.isEmpty() ? null : statements.get(0);
        Prepared prepared = null;
        if (stmt != null && !stmt.isEmpty()) {
            List<SqlType> types = new ArrayList<>(p.parameterOids().length);
            for (int oid : p.parameterOids()) {
                SqlType t = PgTypes.declared(oid);
                if (oid != 0 && t == null) {
                    throw EpochException.of(ErrorCode.UNDEFINED_OBJECT, "type with OID %d does not exist", oid);
                }
                types.add(t);
            }
            prepared = session.prepare(stmt, types);
        }
        state.putStatement(new PreparedStatementEntry(p.statementName(), stmt, prepared, p.parameterOids()));
        BackendMessages.parseComplete(out.buffer());
    }

    private PreparedStatementEntry statement(String name) {
        PreparedStatementEntry s = state.statement(name);
        if (s == null) {
            throw name.isEmpty()
                ? new EpochException(ErrorCode.UNDEFINED_PREPARED_STATEMENT, "unnamed prepared statement does not exist")
                : EpochException.of(ErrorCode.UNDEFINED_PREPARED_STATEMENT, "prepared statement \"%s\" does not exist", name);
        }
        return s;
    }

    private Portal portal(String name) {
        Portal p = state.portal(name);
        if (p == null) {
            throw EpochException.of(ErrorCode.INVALID_CURSOR_NAME, "portal \"%s\" does not exist", name);
        }
        return p;
    }

    private void bind(FrontendMessage.Bind b) {
        PreparedStatementEntry s = statement(b.statementName());
        int expected = s.parameterCount();
        List<byte[]> values = b.parameterValues();
        if (values.size() != expected) {
            throw EpochException.of(ErrorCode.PROTOCOL_VIOLATION,
                "bind message supplies %d parameters, but prepared statement \"%s\" requires %d",
                values.size(), s.name(), expected);
        }
        short[] formats = b.parameterFormats();
        if (formats.length > 1 && formats.length != values.size()) {
            throw EpochException.of(ErrorCode.PROTOCOL_VIOLATION,
                "bind message has %d parameter formats but %d parameters", formats.length, values.size());
        }
        if (!values.isEmpty()) {
            for (short f : formats) {
                checkFormat(f);
            }
        }
        for (short f : b.resultFormats()) {
            checkFormat(f);
        }
        int columns = s.isEmpty() ? 0 : s.prepared().columns().size();
        if (b.resultFormats().length > 1 && b.resultFormats().length != columns) {
            throw EpochException.of(ErrorCode.PROTOCOL_VIOLATION,
                "bind message has %d result formats but query has %d columns", b.resultFormats().length, columns);
        }
        if (!b.portalName().isEmpty() && state.hasPortal(b.portalName())) {
            throw EpochException.of(ErrorCode.DUPLICATE_CURSOR, "portal \"%s\" already exists", b.portalName());
        }
        List<Object> params = new ArrayList<>(values.size());
        ZoneId z = zone();
        for (int i = 0; i < values.size(); i++) {
            boolean binary = formats.length != 0 && (formats.length == 1 ? formats[0] : formats[i]) == 1;
            SqlType target = s.prepared().parameterTypes().get(i);
            params.add(ParameterDecoder.decode(values.get(i), binary, s.declaredType(i), target, z));
        }
        state.putPortal(new Portal(b.portalName(), s, params, b.resultFormats()));
        BackendMessages.bindComplete(out.buffer());
    }

    private static void checkFormat(short f) {
        if (f != 0 && f != 1) {
            throw EpochException.of(ErrorCode.INVALID_PARAMETER_VALUE, "unsupported format code: %d", f);
        }
    }

    private void describe(FrontendMessage.Describe d) {
        if (d.kind() == 'S') {
            PreparedStatementEntry s = statement(d.name());
            List<SqlType> types = s.isEmpty() ? List.of() : s.prepared().parameterTypes();
            int[] oids = new int[types.size()];
            for (int i = 0; i < oids.length; i++) {
                SqlType declared = s.declaredType(i);
                oids[i] = PgTypes.describeOid(declared != null ? declared : types.get(i));
            }
            BackendMessages.parameterDescription(out.buffer(), oids);
            if (s.isEmpty() || s.prepared().columns().isEmpty()) {
                BackendMessages.noData(out.buffer());
            } else {
                results.rowDescription(s.prepared().columns(), null, zone());
            }
        } else {
            Portal p = portal(d.name());
            PreparedStatementEntry s = p.statement();
            if (s.isEmpty() || s.prepared().columns().isEmpty()) {
                BackendMessages.noData(out.buffer());
            } else {
                results.rowDescription(s.prepared().columns(), p, zone());
            }
        }
    }

    private void execute(FrontendMessage.Execute e) {
        Portal p = portal(e.portalName());
        PreparedStatementEntry s = p.statement();
        if (s.isEmpty()) {
            BackendMessages.emptyQueryResponse(out.buffer());
            return;
        }
        if (p.finished()) {
            // Running a portal again after it completed returns nothing more (PostgreSQL reports 0 rows).
            commandComplete(finishedTag(p));
            return;
        }
        try {
            QueryResult r = p.result();
            if (r == null) {
                r = session.execute(s.prepared(), p.parameters());
                p.start(r);
            }
            switch (r.kind()) {
                case ROWS -> {
                    ResultWriter.Sent sent = results.sendRows(r, p, p, e.maxRows(), zone());
                    if (sent.suspended()) {
                        BackendMessages.portalSuspended(out.buffer());
                    } else {
                        String tag = r.commandTag();
                        if (tag != null && tag.startsWith("SELECT ")) {
                            // as PostgreSQL: the rows this Execute returned (all of them unless a limit split the run)
                            tag = "SELECT " + sent.rows();
                        }
                        p.finish(tag);
                        commandComplete(tag);
                    }
                }
                case COPY_IN -> {
                    p.start(null); // the COPY owns the result from here
                    p.finish(null);
                    startCopyIn(r, List.of(), false);
                    return;
                }
                case COPY_OUT -> {
                    results.copyOut(r);
                    String tag = r.commandTag();
                    p.finish(tag);
                    commandComplete(tag);
                }
                case EMPTY -> {
                    p.finish(null);
                    BackendMessages.emptyQueryResponse(out.buffer());
                }
                default -> {
                    String tag = r.commandTag();
                    p.finish(tag);
                    commandComplete(tag);
                }
            }
        } catch (Throwable t) {
            state.closePortal(p.name());
            throw t;
        }
    }

    private static String finishedTag(Portal p) {
        String tag = p.completionTag();
        if (tag == null || tag.startsWith("SELECT ")) {
            return "SELECT 0";
        }
        return tag;
    }

    private static char typeByte(FrontendMessage m) {
        if (m instanceof FrontendMessage.Query) {
            return 'Q';
        } else if (m instanceof FrontendMessage.Parse) {
            return 'P';
        } else if (m instanceof FrontendMessage.Bind) {
            return 'B';
        } else if (m instanceof FrontendMessage.Describe) {
            return 'D';
        } else if (m instanceof FrontendMessage.Execute) {
            return 'E';
        } else if (m instanceof FrontendMessage.Close) {
            return 'C';
        } else if (m instanceof FrontendMessage.Sync) {
            return 'S';
        } else if (m instanceof FrontendMessage.Flush) {
            return 'H';
        } else if (m instanceof FrontendMessage.Terminate) {
            return 'X';
        } else if (m instanceof FrontendMessage.CopyData) {
            return 'd';
        } else if (m instanceof FrontendMessage.CopyDone) {
            return 'c';
        } else if (m instanceof FrontendMessage.CopyFail) {
            return 'f';
        } else if (m instanceof FrontendMessage.PasswordData) {
            return 'p';
        }
        return '?';
    }
}
