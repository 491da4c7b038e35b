package io.skylift.engine.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link WorkerProcess} JVMs on the test's own class path, each logging to a file of its own. */
final class WorkerProcesses {

    /** What a worker prints once its runner has started. */
    static final String READY = "worker ready";
    /** What a worker prints, after the time, when it starts an attempt. */
    static final String STARTED = "attempt started";
    /** What a worker prints, after the time, when it has journaled the end of an attempt. */
    static final String ENDED = "attempt ended";

    private static final long POLL_MILLIS = 50;

    private final Path logDirectory;
    private final List<Process> started = new ArrayList<>();

    WorkerProcesses(Path logDirectory) throws IOException {
        this.logDirectory = Files.createDirectories(logDirectory);
    }

    Process start(String worker, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(), "--worker", worker));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(worker).toFile()))
                .start();
        started.add(process);
        return process;
    }

    Path log(String worker) {
        return logDirectory.resolve(worker + ".log");
    }

    /**
     * Waits until the worker has printed {@code what} ({@link #STARTED} or {@link #ENDED}) once;
     * false if it exited first.
     */
    boolean awaitFirst(String worker, Process process, String what, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(worker, what) > 0) {
                return true;
            }
            if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        throw new AssertionError("worker " + worker + " printed no '" + what + "' within " + timeout + "; see " + log(worker));
    }

    /**
     * Waits for the worker to exit on its own for as long as it keeps working: it must start an
     * attempt within {@code startUp}, and from then on end one at least every {@code stall}. A
     * worker that exits before its first attempt (nothing was left to run) is fine too. Returns
     * its exit value.
     */
    int awaitExit(String worker, Process process, Duration startUp, Duration stall) throws IOException, InterruptedException {
        long startedAt = System.nanoTime();
        long progressAt = 0;
        int ended = -1;
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (ended < 0) {
                if (count(worker, STARTED) > 0) {
                    ended = 0;
                    progressAt = now;
                }
                else if (now - startedAt > startUp.toNanos()) {
                    throw new AssertionError("worker " + worker + " started no attempt within " + startUp + "; see " + log(worker));
                }
                continue;
            }
            int endedNow = count(worker, ENDED);
            if (endedNow > ended) {
                ended = endedNow;
                progressAt = now;
            }
            else if (now - progressAt > stall.toNanos()) {
                throw new AssertionError("worker " + worker + " ended no attempt for " + stall + " (" + ended + " ended before); see " + log(worker));
            }
        }
        return process.exitValue();
    }

    /** How many lines of the worker's log say {@code what}. */
    private int count(String worker, String what) throws IOException {
        Path file = log(worker);
        if (!Files.exists(file)) {
            return 0;
        }
        String marker = " " + what + " ";
        try (var lines = Files.lines(file)) {
            return (int) lines.filter(line -> line.contains(marker)).count();
        }
    }

    /** {@code kill -9}: no shutdown hook, no finally block, no last write. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("worker " + process.pid() + " did not die after SIGKILL");
        }
    }

    /** Kills whatever is still running; for a test's clean-up. */
    void killAll() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }
}
