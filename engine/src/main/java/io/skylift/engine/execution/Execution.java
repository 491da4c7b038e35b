package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An execution as the journal holds it; {@code error} names the task whose failure stopped it. */
public record Execution(UUID id, String name, ExecutionStatus status, int maxParallel, OnFailure onFailure, Instant createdAt,
        Instant updatedAt, Optional<String> error) {

    public Execution {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(onFailure, "onFailure is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(error, "error is null");
    }
}
