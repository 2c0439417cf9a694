package io.epochdb.planner;

/**
 * Receives the bytes of a COPY FROM STDIN (CopyData messages, in order, split anywhere), then
 * {@link #finish()} on CopyDone or {@link #abort(String)} on CopyFail. Nothing is visible before finish returns.
 */
public interface CopyIn {
    void write(byte[] data, int offset, int length);

    /** Validates and loads everything; returns the CommandComplete tag ({@code COPY n}). */
    String finish();

    void abort(String reason);
}
