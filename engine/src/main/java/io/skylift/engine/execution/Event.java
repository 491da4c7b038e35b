package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One journaled change, numbered so a follower can ask for everything after the last it saw.
 * {@code status} is the status entered (for status events); {@code message} says why or how far.
 */
public record Event(long sequence, UUID executionId, Optional<String> taskId, Instant at, Kind kind, String status, String message) {

    public enum Kind {
        EXECUTION_STATUS,
        TASK_STATUS,
        PROGRESS
    }

    public Event {
        requireNonNull(executionId, "executionId is null");
        requireNonNull(taskId, "taskId is null");
        requireNonNull(at, "at is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
    }
}
