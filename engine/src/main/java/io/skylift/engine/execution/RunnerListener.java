package io.skylift.engine.execution;

/**
 * Told what a runner does, for a worker's log lines. Called on the task's own thread after the
 * change is journaled; must return quickly and not throw.
 */
public interface RunnerListener {

    /** Listens to nothing. */
    RunnerListener NONE = new RunnerListener() {};

    /** An attempt (status RUNNING) or cleanup attempt (CLEANING) starts, as journaled at its claim. */
    default void started(Task task) {
    }

    /** An attempt ended and its end was journaled: the task as it now stands. */
    default void ended(Task task) {
    }
}
