package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

/** How far a task got: items or units done of a total (0 when unknown), bytes moved, and a line for the operator. */
public record Progress(long current, long total, long bytes, String message) {

    public static final Progress NONE = new Progress(0, 0, 0, "");

    public Progress {
        requireNonNull(message, "message is null");
        if (current < 0 || total < 0 || bytes < 0) {
            throw new IllegalArgumentException("progress cannot be negative: current " + current + ", total " + total + ", bytes " + bytes);
        }
    }

    public static Progress of(long current, long total, String message) {
        return new Progress(current, total, 0, message);
    }

    public Progress withBytes(long bytes) {
        return new Progress(current, total, bytes, message);
    }
}
