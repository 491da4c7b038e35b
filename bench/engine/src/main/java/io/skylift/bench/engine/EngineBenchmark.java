package io.skylift.bench.engine;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Runs the workload through the engine on each database and through a plain executor, taking turns
 * so a change in the machine's load hits every side alike, and prints medians and the ratio
 * engine / executor. The ratio is the figure to compare across machines; absolute times are not.
 */
public final class EngineBenchmark {

    private static final String USAGE = """
            usage: bench/engine/run [--tasks N] [--chain L] [--parallel P] [--wait-ms W] [--runs R] [--warmups K] [--long]
              --tasks N      tasks per run, a multiple of L (default 10000)
              --chain L      tasks per chain (default 10)
              --parallel P   tasks at once, engine and executor alike (default 16, the runner's default)
              --wait-ms W    milliseconds each task waits, as for a cloud call (default 1; 0 measures pure overhead)
              --runs R       measured runs per side; the median is reported (default 3)
              --warmups K    unmeasured runs per side first, at N/5 tasks (default 1)
              --long         7 runs and 2 full-size warm-ups: for figures to publish
            PostgreSQL is measured too when SKYLIFT_BENCH_POSTGRES_URL (or SKYLIFT_TEST_POSTGRES_URL) is set, e.g.
              jdbc:postgresql://localhost:5432/skylift?user=skylift&password=secret
            (each run uses a new schema in that database and drops it).""";

    private record Settings(Workload workload, int runs, int warmups, boolean fullSizeWarmups, Duration timeout) {}

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println("bench/engine: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        List<DatabaseTarget> targets = new ArrayList<>(List.of(new DatabaseTarget.H2File()));
        String postgres = firstSet("SKYLIFT_BENCH_POSTGRES_URL", "SKYLIFT_TEST_POSTGRES_URL");
        if (postgres != null) {
            DatabaseTarget.Postgres target = new DatabaseTarget.Postgres(postgres);
            try {
                target.check();
            }
            catch (IllegalStateException e) {
                System.err.println("bench/engine: " + e.getMessage());
                System.exit(1);
            }
            targets.add(target);
        }
        run(settings, targets);
    }

    private static void run(Settings settings, List<DatabaseTarget> targets) throws InterruptedException {
        Workload workload = settings.workload();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Workload warmup = settings.fullSizeWarmups() ? workload : workload.withTasks(Math.max(workload.chainLength(),
                workload.tasks() / 5 / workload.chainLength() * workload.chainLength()));
        for (int i = 1; i <= settings.warmups(); i++) {
            progress("warm-up %d/%d (%d tasks): executor %s", i, settings.warmups(), warmup.tasks(),
                    seconds(ExecutorTrial.run(warmup, settings.timeout()).wall()));
            for (DatabaseTarget target : targets) {
                progress("  %s %s", target.name(), seconds(EngineTrial.run(warmup, target, settings.timeout()).wall()));
            }
        }
        List<Measurement> executor = new ArrayList<>();
        Map<DatabaseTarget, List<Measurement>> engine = new LinkedHashMap<>();
        for (int i = 1; i <= settings.runs(); i++) {
            Measurement reference = ExecutorTrial.run(workload, settings.timeout());
            executor.add(reference);
            progress("run %d/%d: executor %s", i, settings.runs(), seconds(reference.wall()));
            for (DatabaseTarget target : targets) {
                Measurement measured = EngineTrial.run(workload, target, settings.timeout());
                if (!measured.checksum().equals(reference.checksum())) {
                    throw new IllegalStateException("the engine on " + target.name() + " produced outputs " + measured.checksum()
                            + ", the executor " + reference.checksum() + ": not the same work");
                }
                engine.computeIfAbsent(target, t -> new ArrayList<>()).add(measured);
                progress("  %s %s (journaling the execution %s)", target.name(), seconds(measured.wall()), seconds(measured.create()));
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        new Report(workload, settings.runs(), executor, engine).print(machine(loadBefore, loadAfter));
    }

    private static String machine(double loadBefore, double loadAfter) {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d cores, load average %.1f before / %.1f after; JDK %s (%s); %s; max heap %d MiB; %s %s",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, Runtime.version(), System.getProperty("java.vendor"),
                collectors, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static Settings parse(String[] args) {
        int tasks = 10_000;
        int chain = 10;
        int parallel = 16;
        long waitMillis = 1;
        Integer runs = null;
        Integer warmups = null;
        boolean longRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tasks" -> tasks = number(args, ++i);
                case "--chain" -> chain = number(args, ++i);
                case "--parallel" -> parallel = number(args, ++i);
                case "--wait-ms" -> waitMillis = number(args, ++i);
                case "--runs" -> runs = number(args, ++i);
                case "--warmups" -> warmups = number(args, ++i);
                case "--long" -> longRun = true;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        int runCount = runs != null ? runs : longRun ? 7 : 3;
        if (runCount < 1) {
            throw new IllegalArgumentException("--runs must be at least 1: " + runCount);
        }
        Workload workload = new Workload(tasks, chain, parallel, Duration.ofMillis(waitMillis));
        return new Settings(workload, runCount, warmups != null ? warmups : longRun ? 2 : 1, longRun, Duration.ofMinutes(10));
    }

    private static int number(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[index - 1] + " needs a whole number of 0 or more, not '" + args[index] + "'", e);
        }
    }

    private static String firstSet(String... names) {
        for (String name : names) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    static double median(List<Measurement> runs, ToDoubleFunction<Measurement> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static void progress(String format, Object... values) {
        System.err.println(String.format(Locale.ROOT, format, values));
    }
}
