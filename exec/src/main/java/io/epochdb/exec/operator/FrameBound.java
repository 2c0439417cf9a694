package io.epochdb.exec.operator;

import java.util.Objects;

/**
 * One end of a window frame. {@code offset} is null for UNBOUNDED/CURRENT ROW, a Long row count for ROWS frames,
 * or a Number/Interval for RANGE frames.
 */
public record FrameBound(Kind kind, Object offset) {
    public enum Kind {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }

    public FrameBound {
        Objects.requireNonNull(kind, "kind");
    }

    public static FrameBound unboundedPreceding() {
        return new FrameBound(Kind.UNBOUNDED_PRECEDING, null);
    }

    public static FrameBound currentRow() {
        return new FrameBound(Kind.CURRENT_ROW, null);
    }

    public static FrameBound unboundedFollowing() {
        return new FrameBound(Kind.UNBOUNDED_FOLLOWING, null);
    }

    public static FrameBound preceding(Object offset) {
        return new FrameBound(Kind.PRECEDING, Objects.requireNonNull(offset, "offset"));
    }

    public static FrameBound following(Object offset) {
        return new FrameBound(Kind.FOLLOWING, Objects.requireNonNull(offset, "offset"));
    }
}
