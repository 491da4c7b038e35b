package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

/** An execution with how many of its tasks are in each status, for listings. */
public record ExecutionSummary(Execution execution, Map<TaskStatus, Integer> taskCounts) {

    public ExecutionSummary {
        requireNonNull(execution, "execution is null");
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        requireNonNull(taskCounts, "taskCounts is null").forEach((status, count) -> {
            if (count > 0) {
                counts.put(status, count);
            }
        });
        taskCounts = Map.copyOf(counts);
    }

    public int tasks() {
        return taskCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int tasks(TaskStatus status) {
        return taskCounts.getOrDefault(status, 0);
    }
}
