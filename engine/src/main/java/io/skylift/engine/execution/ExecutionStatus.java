package io.skylift.engine.execution;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an execution stands; changes only along {@link #canMoveTo the transition table}. */
public enum ExecutionStatus {
    /** Tasks are claimed as their dependencies complete. */
    RUNNING,
    /** A task failed: nothing new starts; running tasks finish, then cleanup runs. */
    FAILING,
    /** Cancel was asked: running tasks stop at their next checkpoint, then cleanup runs. */
    CANCELLING,
    COMPLETED,
    ERROR,
    CANCELED;

    private static final Map<ExecutionStatus, Set<ExecutionStatus>> NEXT = transitions();

    private static Map<ExecutionStatus, Set<ExecutionStatus>> transitions() {
        Map<ExecutionStatus, Set<ExecutionStatus>> next = new EnumMap<>(ExecutionStatus.class);
        next.put(RUNNING, EnumSet.of(COMPLETED, FAILING, CANCELLING));
        next.put(FAILING, EnumSet.of(ERROR, CANCELLING));
        next.put(CANCELLING, EnumSet.of(CANCELED));
        // Ended executions move again only when the operator asks: -> RUNNING by restart-from,
        // ERROR -> FAILING and CANCELED -> CANCELLING by cleanup of a run that kept its resources.
        next.put(COMPLETED, EnumSet.of(RUNNING));
        next.put(ERROR, EnumSet.of(RUNNING, FAILING));
        next.put(CANCELED, EnumSet.of(RUNNING, CANCELLING));
        return next;
    }

    public boolean canMoveTo(ExecutionStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** @throws IllegalStateException when the table has no such transition */
    public void checkMoveTo(ExecutionStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("execution status cannot move from " + this + " to " + next + "; allowed: " + NEXT.get(this));
        }
    }

    /** Ended: no worker moves it any more, only an operator's restart-from or cleanup. */
    public boolean isFinal() {
        return this == COMPLETED || this == ERROR || this == CANCELED;
    }
}
