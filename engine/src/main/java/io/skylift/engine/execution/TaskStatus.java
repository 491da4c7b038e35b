package io.skylift.engine.execution;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a task stands. A status changes only along {@link #canMoveTo the transition table}; the
 * journal checks every change against it, so a bug shows up as an exception, not a corrupt run.
 */
public enum TaskStatus {
    /** Waiting for its dependencies, a free slot, or the end of a retry backoff. */
    PENDING,
    /** Claimed by a worker that holds its lease. */
    RUNNING,
    /** Cancel was asked while it ran; the handler stops at its next checkpoint. */
    CANCELLING,
    COMPLETED,
    ERROR,
    CANCELED,
    /** Never started because another task failed. */
    SKIPPED,
    /** Its side effects are to be undone once every task depending on it is cleaned. */
    CLEANUP_PENDING,
    /** A worker holds its lease and runs the handler's cleanup. */
    CLEANING,
    CLEANED,
    CLEANUP_FAILED;

    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = transitions();

    private static Map<TaskStatus, Set<TaskStatus>> transitions() {
        Map<TaskStatus, Set<TaskStatus>> next = new EnumMap<>(TaskStatus.class);
        next.put(PENDING, EnumSet.of(RUNNING, SKIPPED, CANCELED));
        // RUNNING -> PENDING: a retry after backoff, or the worker's lease expired.
        next.put(RUNNING, EnumSet.of(COMPLETED, ERROR, PENDING, CANCELLING));
        // A handler may finish or fail before it reaches a checkpoint; CANCELED also when its worker died.
        next.put(CANCELLING, EnumSet.of(CANCELED, COMPLETED, ERROR));
        // -> PENDING: restart-from runs an ended task again (its intents stay, so no side effect is repeated).
        next.put(COMPLETED, EnumSet.of(CLEANUP_PENDING, PENDING));
        // A failed or cancelled task may have made some of its side effects: its intents say which.
        next.put(ERROR, EnumSet.of(CLEANUP_PENDING, PENDING));
        next.put(CANCELED, EnumSet.of(CLEANUP_PENDING, PENDING));
        next.put(SKIPPED, EnumSet.of(PENDING));
        next.put(CLEANUP_PENDING, EnumSet.of(CLEANING));
        // CLEANING -> CLEANUP_PENDING: a retry, or the worker's lease expired.
        next.put(CLEANING, EnumSet.of(CLEANED, CLEANUP_FAILED, CLEANUP_PENDING));
        next.put(CLEANED, EnumSet.noneOf(TaskStatus.class));
        next.put(CLEANUP_FAILED, EnumSet.noneOf(TaskStatus.class));
        return next;
    }

    public boolean canMoveTo(TaskStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** @throws IllegalStateException when the table has no such transition */
    public void checkMoveTo(TaskStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("task status cannot move from " + this + " to " + next + "; allowed: " + NEXT.get(this));
        }
    }

    public Set<TaskStatus> next() {
        return Set.copyOf(NEXT.get(this));
    }

    /** Held by one worker under a lease that must be renewed. */
    public boolean isLeased() {
        return this == RUNNING || this == CANCELLING || this == CLEANING;
    }
}
