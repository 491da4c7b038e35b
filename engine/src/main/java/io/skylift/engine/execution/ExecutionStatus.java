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
        next.put(COMPLETED, EnumSet.noneOf(ExecutionStatus.class));
        next.put(ERROR, EnumSet.noneOf(ExecutionStatus.class));
        next.put(CANCELED, EnumSet.noneOf(ExecutionStatus.class));
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

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
