package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How one worker runs tasks. {@code keyLimits} caps tasks running at once per concurrency key
 * across every worker of the database (keys without a limit are unlimited); every worker should be
 * given the same limits. {@code pollInterval} is wall time between claim rounds when idle.
 * {@code execution}, when present, is the only execution whose tasks it claims (a foreground
 * {@code resume}); it still gives back expired leases and settles every execution.
 */
public record RunnerOptions(String workerId, int maxConcurrentTasks, Duration leaseDuration, Duration pollInterval,
        Map<String, Integer> keyLimits, Optional<UUID> execution) {

    public RunnerOptions {
        requireNonNull(workerId, "workerId is null");
        requireNonNull(execution, "execution is null");
        requireNonNull(leaseDuration, "leaseDuration is null");
        requireNonNull(pollInterval, "pollInterval is null");
        keyLimits = Map.copyOf(requireNonNull(keyLimits, "keyLimits is null"));
        if (workerId.isBlank() || workerId.length() > 128) {
            throw new IllegalArgumentException("workerId '" + workerId + "' must be 1 to 128 characters");
        }
        if (maxConcurrentTasks < 1) {
            throw new IllegalArgumentException("maxConcurrentTasks must be at least 1: " + maxConcurrentTasks);
        }
        if (leaseDuration.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("leaseDuration must be at least 100 ms: " + leaseDuration);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(leaseDuration) >= 0) {
            // Leases are renewed once per round: a round must come well inside one lease.
            throw new IllegalArgumentException("pollInterval " + pollInterval + " must be positive and shorter than leaseDuration " + leaseDuration);
        }
        keyLimits.forEach((key, limit) -> {
            if (limit < 1) {
                throw new IllegalArgumentException("limit for concurrency key " + key + " must be at least 1: " + limit);
            }
        });
    }

    /** Options of a worker that claims tasks of every execution. */
    public RunnerOptions(String workerId, int maxConcurrentTasks, Duration leaseDuration, Duration pollInterval, Map<String, Integer> keyLimits) {
        this(workerId, maxConcurrentTasks, leaseDuration, pollInterval, keyLimits, Optional.empty());
    }

    /** 16 tasks, 30 s leases, a round every 500 ms, no key limits. */
    public static RunnerOptions of(String workerId) {
        return new RunnerOptions(workerId, 16, Duration.ofSeconds(30), Duration.ofMillis(500), Map.of());
    }

    public RunnerOptions withMaxConcurrentTasks(int limit) {
        return new RunnerOptions(workerId, limit, leaseDuration, pollInterval, keyLimits, execution);
    }

    public RunnerOptions withLeaseDuration(Duration lease) {
        return new RunnerOptions(workerId, maxConcurrentTasks, lease, pollInterval, keyLimits, execution);
    }

    public RunnerOptions withPollInterval(Duration interval) {
        return new RunnerOptions(workerId, maxConcurrentTasks, leaseDuration, interval, keyLimits, execution);
    }

    public RunnerOptions withKeyLimit(String key, int limit) {
        Map<String, Integer> all = new HashMap<>(keyLimits);
        all.put(key, limit);
        return new RunnerOptions(workerId, maxConcurrentTasks, leaseDuration, pollInterval, all, execution);
    }

    /** Claims tasks of this execution only. */
    public RunnerOptions onlyExecution(UUID id) {
        return new RunnerOptions(workerId, maxConcurrentTasks, leaseDuration, pollInterval, keyLimits, Optional.of(id));
    }
}
