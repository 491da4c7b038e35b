package io.skylift.engine.execution;

import java.util.Map;

/**
 * Runs one task type. Every side effect goes through {@link TaskContext#intent(String)} first
 * and {@link TaskContext#markDone(String, String)} after, and finds by marker before it creates,
 * so an attempt that resumes after a crash never repeats one. A handler never retries or sleeps
 * on failure: it throws a {@link io.skylift.spi.SkyliftException} and the runner decides.
 */
public interface TaskHandler {

    /** The task type this handler runs, as in {@link NewTask#type()}. */
    String type();

    /** Does the work; returns the outputs that dependent tasks and cleanup see. */
    Map<String, Object> run(TaskContext context) throws Exception;

    /**
     * Undoes what this task's attempts did, on failure or cancel of the execution; called for a
     * task with at least one intent, after every task that depends on it is cleaned. Must be
     * idempotent: it may run again after a crash. The default undoes nothing.
     */
    default void cleanup(TaskContext context) throws Exception {
    }

    default RetryPolicy retryPolicy() {
        return RetryPolicy.standard();
    }
}
