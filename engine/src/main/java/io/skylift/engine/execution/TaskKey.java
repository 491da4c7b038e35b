package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A task's identity in the journal: its id is unique only within its execution. */
record TaskKey(UUID executionId, String taskId) {

    TaskKey {
        requireNonNull(executionId, "executionId is null");
        requireNonNull(taskId, "taskId is null");
    }

    @Override
    public String toString() {
        return executionId + "/" + taskId;
    }
}
