package io.epochdb.pgwire.server;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.pgwire.message.BackendMessages;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into ErrorResponse fields: an {@link EpochException} keeps its SQLSTATE, detail, hint and
 * position; anything else is an internal error (XX000) whose stack trace goes to the server log.
 */
final class ErrorReport {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReport.class);

    private ErrorReport() {
    }

    static EpochException toEpoch(Throwable t) {
        if (t instanceof EpochException e) {
            return e;
        }
        LOG.error("internal error", t);
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        if (t instanceof OutOfMemoryError) {
            return new EpochException(ErrorCode.OUT_OF_MEMORY, "out of memory", t);
        }
        return new EpochException(ErrorCode.INTERNAL_ERROR, message, t);
    }

    static void write(ByteBuf out, String severity, Throwable t) {
        EpochException e = toEpoch(t);
        BackendMessages.errorOrNotice(out, 'E', severity, e.sqlState(), e.getMessage(), e.detail(), e.hint(), e.position());
    }

    /**
     * A notice as the session queues it: {@code "SEVERITY:SQLSTATE:message"} (e.g. {@code NOTICE:42P07:relation
     * "t" already exists, skipping}), or a bare message sent as a NOTICE with SQLSTATE 00000.
     */
    static void notice(ByteBuf out, String message) {
        String severity = "NOTICE";
        String sqlState = ErrorCode.SUCCESSFUL_COMPLETION.sqlState();
        String text = message;
        int first = message.indexOf(':');
        int second = first < 0 ? -1 : message.indexOf(':', first + 1);
        if (second - first == 6 && isSeverity(message.substring(0, first))) {
            severity = message.substring(0, first);
            sqlState = message.substring(first + 1, second);
            text = message.substring(second + 1);
        }
        BackendMessages.errorOrNotice(out, 'N', severity, sqlState, text, null, null, 0);
    }

    private static boolean isSeverity(String s) {
        return switch (s) {
            case "NOTICE", "WARNING", "INFO", "DEBUG", "LOG" -> true;
            default -> false;
        };
    }
}
