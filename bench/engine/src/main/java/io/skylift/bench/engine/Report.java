package io.skylift.bench.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table: medians per side, what the engine adds per task, and the ratio engine / executor per database. */
record Report(Workload workload, int runs, List<Measurement> executor, Map<DatabaseTarget, List<Measurement>> engine) {

    void print(String machine) {
        System.out.printf(Locale.ROOT, "Skylift engine benchmark: %d tasks in chains of %d, parallelism %d, each task hashes 4 KiB and waits %d ms%n",
                workload.tasks(), workload.chainLength(), workload.parallelism(), workload.callWait().toMillis());
        System.out.println("machine: " + machine);
        System.out.printf(Locale.ROOT, "medians of %d runs; spread is the fastest and slowest run%n%n", runs);
        System.out.println("| side | wall | spread | tasks/s | journaling the execution | CPU per task | added wall per task | added CPU per task | peak heap | heap after GC | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        row("plain executor", executor);
        engine.forEach((target, measurements) -> row("engine, " + target.name(), measurements));
        System.out.println();
        double reference = EngineBenchmark.median(executor, m -> m.wall().toNanos());
        engine.forEach((target, measurements) -> System.out.printf(Locale.ROOT, "ratio on %s: %.1f (engine wall / executor wall)%n",
                target.name(), EngineBenchmark.median(measurements, m -> m.wall().toNanos()) / reference));
    }

    /** The median over the runs that collected at all. */
    private static String afterGc(List<Measurement> measurements) {
        List<Measurement> collected = measurements.stream().filter(m -> m.afterGcHeapBytes() > 0).toList();
        return collected.isEmpty() ? "no GC" : ((long) EngineBenchmark.median(collected, m -> m.afterGcHeapBytes()) >> 20) + " MiB";
    }

    private void row(String side, List<Measurement> measurements) {
        boolean isEngine = measurements != executor;
        double wall = EngineBenchmark.median(measurements, m -> m.wall().toNanos());
        double cpu = EngineBenchmark.median(measurements, m -> m.cpu().toNanos());
        double referenceWall = EngineBenchmark.median(executor, m -> m.wall().toNanos());
        double referenceCpu = EngineBenchmark.median(executor, m -> m.cpu().toNanos());
        double fastest = measurements.stream().mapToLong(m -> m.wall().toNanos()).min().orElseThrow();
        double slowest = measurements.stream().mapToLong(m -> m.wall().toNanos()).max().orElseThrow();
        int tasks = workload.tasks();
        System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f-%.2f s | %,.0f | %s | %.3f ms | %s | %s | %d MiB | %s | %s |%n",
                side, wall / 1e9, fastest / 1e9, slowest / 1e9, tasks / (wall / 1e9),
                isEngine ? String.format(Locale.ROOT, "%.2f s", EngineBenchmark.median(measurements, m -> m.create().toNanos()) / 1e9) : "-",
                cpu / tasks / 1e6,
                isEngine ? String.format(Locale.ROOT, "%.3f ms", (wall - referenceWall) / tasks / 1e6) : "-",
                isEngine ? String.format(Locale.ROOT, "%.3f ms", (cpu - referenceCpu) / tasks / 1e6) : "-",
                (long) EngineBenchmark.median(measurements, m -> m.peakHeapBytes()) >> 20,
                afterGc(measurements),
                isEngine ? String.format(Locale.ROOT, "%.1f", wall / referenceWall) : "1.0");
    }
}
