package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An execution to journal: a graph of tasks, checked whole before anything is written (unique
 * ids, dependencies that exist, no cycle), and how many of its tasks may run at once.
 */
public record NewExecution(String name, List<NewTask> tasks, int maxParallel, OnFailure onFailure) {

    public NewExecution {
        requireNonNull(name, "name is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        requireNonNull(onFailure, "onFailure is null");
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1: " + maxParallel);
        }
        checkGraph(tasks);
    }

    public static NewExecution of(String name, List<NewTask> tasks) {
        return new NewExecution(name, tasks, 8, OnFailure.CLEAN_UP);
    }

    public NewExecution withMaxParallel(int limit) {
        return new NewExecution(name, tasks, limit, onFailure);
    }

    public NewExecution withOnFailure(OnFailure choice) {
        return new NewExecution(name, tasks, maxParallel, choice);
    }

    private static void checkGraph(List<NewTask> tasks) {
        Map<String, NewTask> byId = new HashMap<>();
        for (NewTask task : tasks) {
            if (byId.putIfAbsent(task.id(), task) != null) {
                throw new IllegalArgumentException("two tasks have the id " + task.id());
            }
        }
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (NewTask task : tasks) {
            for (String dependency : task.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    throw new IllegalArgumentException("task " + task.id() + " depends on " + dependency + ", which is not a task of this execution");
                }
                dependents.computeIfAbsent(dependency, id -> new java.util.ArrayList<>()).add(task.id());
            }
            waitingOn.put(task.id(), task.dependsOn().size());
        }
        // Kahn's algorithm: whatever is never released is on a cycle.
        Deque<String> ready = new ArrayDeque<>();
        waitingOn.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            done.add(id);
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (done.size() != tasks.size()) {
            List<String> onCycle = tasks.stream().map(NewTask::id).filter(id -> !done.contains(id)).sorted().limit(10).toList();
            throw new IllegalArgumentException("the task dependencies form a cycle through " + onCycle);
        }
    }
}
