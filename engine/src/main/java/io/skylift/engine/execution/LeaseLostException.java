package io.skylift.engine.execution;

/**
 * This worker no longer holds the task: its lease expired and another worker claimed it. The
 * handler must stop; nothing it tries to journal is accepted any more.
 */
public final class LeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message) {
        super(message);
    }
}
