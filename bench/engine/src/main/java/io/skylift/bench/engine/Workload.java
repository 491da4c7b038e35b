package io.skylift.bench.engine;

import io.skylift.engine.execution.NewTask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The graph both sides run: chains of {@code chainLength} tasks (a server's pipeline of steps);
 * the heads of the first {@link #ROOTS} chains stand for shared skeleton resources (networks) that
 * the head of every other chain waits on, a fan-out of one to many. Every task body hashes its id,
 * its dependencies' outputs and a 4 KiB buffer, then waits {@code callWait} as a cloud call would.
 */
record Workload(int tasks, int chainLength, int parallelism, Duration callWait) {

    static final String TYPE = "bench-step";
    private static final int ROOTS = 10;
    private static final byte[] PAYLOAD = new byte[4096];

    record Step(String id, List<String> dependsOn) {}

    Workload {
        if (tasks < 1 || chainLength < 1 || tasks % chainLength != 0) {
            throw new IllegalArgumentException("tasks " + tasks + " must be a positive multiple of the chain length " + chainLength);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (callWait.isNegative()) {
            throw new IllegalArgumentException("the wait must not be negative: " + callWait);
        }
    }

    Workload withTasks(int count) {
        return new Workload(count, chainLength, parallelism, callWait);
    }

    /** In an order where every dependency comes first. */
    List<Step> steps() {
        int chains = tasks / chainLength;
        List<Step> steps = new ArrayList<>(tasks);
        for (int chain = 0; chain < chains; chain++) {
            for (int step = 0; step < chainLength; step++) {
                List<String> dependsOn;
                if (step > 0) {
                    dependsOn = List.of(id(chain, step - 1));
                }
                else if (chain >= ROOTS && chains > ROOTS) {
                    dependsOn = List.of(id(chain % ROOTS, 0));
                }
                else {
                    dependsOn = List.of();
                }
                steps.add(new Step(id(chain, step), dependsOn));
            }
        }
        return steps;
    }

    List<NewTask> newTasks() {
        return steps().stream()
                .map(step -> NewTask.of(step.id(), TYPE).dependingOn(step.dependsOn().toArray(String[]::new)))
                .toList();
    }

    /** The task body, the same on both sides; returns the task's outputs. */
    Map<String, Object> run(String taskId, Map<String, Map<String, Object>> dependencyOutputs) throws InterruptedException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha.update(taskId.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Map<String, Object>> dependency : new TreeMap<>(dependencyOutputs).entrySet()) {
            Object digest = dependency.getValue().get("digest");
            if (digest == null) {
                throw new IllegalStateException("task " + taskId + " did not get the output of " + dependency.getKey());
            }
            sha.update(digest.toString().getBytes(StandardCharsets.UTF_8));
        }
        sha.update(PAYLOAD);
        if (callWait.isPositive()) {
            Thread.sleep(callWait);
        }
        return Map.of("digest", HexFormat.of().formatHex(sha.digest()));
    }

    private static String id(int chain, int step) {
        return "c" + chain + "-s" + step;
    }
}
