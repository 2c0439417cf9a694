package io.epochdb.common;

import java.util.Objects;

/**
 * The one exception type that crosses layers. It carries a SQLSTATE and the fields pgwire puts in an
 * ErrorResponse; anything else thrown inside the engine is reported as {@link ErrorCode#INTERNAL_ERROR}.
 */
public class EpochException extends RuntimeException {
    private final ErrorCode code;
    private final String detail;
    private final String hint;
    /** 1-based character position in the query text, or 0 when unknown. */
    private final int position;

    public EpochException(ErrorCode code, String message) {
        this(code, message, null, null, 0, null);
    }

    public EpochException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, null, 0, cause);
    }

    public EpochException(ErrorCode code, String message, String detail, String hint, int position, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = detail;
        this.hint = hint;
        this.position = position;
    }

    public static EpochException of(ErrorCode code, String format, Object... args) {
        return new EpochException(code, String.format(format, args));
    }

    public ErrorCode code() {
        return code;
    }

    public String sqlState() {
        return code.sqlState();
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    public int position() {
        return position;
    }

    public EpochException withPosition(int newPosition) {
        return new EpochException(code, getMessage(), detail, hint, newPosition, getCause());
    }

    public EpochException withHint(String newHint) {
        return new EpochException(code, getMessage(), detail, newHint, position, getCause());
    }

    public EpochException withDetail(String newDetail) {
        return new EpochException(code, getMessage(), newDetail, hint, position, getCause());
    }
}
