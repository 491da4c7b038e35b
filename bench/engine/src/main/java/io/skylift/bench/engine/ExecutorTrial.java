package io.skylift.bench.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reference: the same graph and task bodies on a fixed pool of {@code parallelism} threads,
 * dependencies counted in memory, nothing journaled. What any engine must at least spend.
 */
final class ExecutorTrial {

    private ExecutorTrial() {
    }

    static Measurement run(Workload workload, Duration timeout) throws InterruptedException {
        try (HeapWatch heap = HeapWatch.start()) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Map<String, String> digests = runGraph(workload, timeout);
            long wall = System.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            return new Measurement(Duration.ofNanos(wall), Duration.ofNanos(cpu), heap.peakBytes(), heap.largestAfterGcBytes(), Duration.ZERO, Checksum.of(digests));
        }
    }

    private static Map<String, String> runGraph(Workload workload, Duration timeout) throws InterruptedException {
        List<Workload.Step> steps = workload.steps();
        Map<String, Workload.Step> byId = new HashMap<>();
        Map<String, AtomicInteger> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Workload.Step step : steps) {
            byId.put(step.id(), step);
            waitingOn.put(step.id(), new AtomicInteger(step.dependsOn().size()));
            for (String dependency : step.dependsOn()) {
                dependents.computeIfAbsent(dependency, id -> new ArrayList<>()).add(step.id());
            }
        }
        Map<String, Map<String, Object>> outputs = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(steps.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(workload.parallelism());
        try {
            class Submitter {
                void submit(Workload.Step step) {
                    pool.execute(() -> {
                        try {
                            Map<String, Map<String, Object>> inputs = new HashMap<>();
                            step.dependsOn().forEach(dependency -> inputs.put(dependency, outputs.get(dependency)));
                            outputs.put(step.id(), workload.run(step.id(), inputs));
                            for (String dependent : dependents.getOrDefault(step.id(), List.of())) {
                                if (waitingOn.get(dependent).decrementAndGet() == 0) {
                                    submit(byId.get(dependent));
                                }
                            }
                        }
                        catch (InterruptedException | RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                        finally {
                            done.countDown();
                        }
                    });
                }
            }
            Submitter submitter = new Submitter();
            steps.stream().filter(step -> step.dependsOn().isEmpty()).forEach(submitter::submit);
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the executor did not finish " + steps.size() + " tasks in " + timeout);
            }
        }
        finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a task failed in the executor: " + failure.get(), failure.get());
        }
        Map<String, String> digests = new HashMap<>();
        outputs.forEach((id, output) -> digests.put(id, output.get("digest").toString()));
        return digests;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
