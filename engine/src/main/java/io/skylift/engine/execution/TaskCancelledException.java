package io.skylift.engine.execution;

/** Thrown by {@link TaskContext#throwIfCancelled()}: the runner turns it into {@link TaskStatus#CANCELED}. */
public final class TaskCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskCancelledException(String message) {
        super(message);
    }
}
