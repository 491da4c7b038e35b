package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A task as the journal holds it. */
public record Task(UUID executionId, String id, String type, Optional<ResourceRef> resource, Map<String, Object> inputs,
        List<String> dependsOn, TaskStatus status, int attempts, Progress progress, Optional<Map<String, Object>> checkpoint,
        Map<String, Object> outputs, Optional<TaskError> error, Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    public Task {
        requireNonNull(executionId, "executionId is null");
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(resource, "resource is null");
        inputs = Map.copyOf(requireNonNull(inputs, "inputs is null"));
        dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn is null"));
        requireNonNull(status, "status is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(checkpoint, "checkpoint is null");
        outputs = Map.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(error, "error is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
    }
}
