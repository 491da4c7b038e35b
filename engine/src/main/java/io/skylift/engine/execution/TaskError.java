package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCategory;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;

/** Why a task failed, as the journal keeps it. */
public record TaskError(ErrorCode code, String message) {

    public TaskError {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }

    /** A {@link SkyliftException} keeps its code; anything else is a bug in a handler, so {@link ErrorCode#INTERNAL}. */
    public static TaskError of(Throwable failure) {
        requireNonNull(failure, "failure is null");
        if (failure instanceof SkyliftException e) {
            return new TaskError(e.code(), e.getMessage());
        }
        return new TaskError(ErrorCode.INTERNAL, failure.getClass().getName() + ": " + failure.getMessage());
    }

    public ErrorCategory category() {
        return code.category();
    }
}
