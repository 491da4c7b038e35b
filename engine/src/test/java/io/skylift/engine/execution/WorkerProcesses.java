package io.skylift.engine.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link WorkerProcess} JVMs on the test's own class path, each logging to a file of its own. */
final class WorkerProcesses {

    /** What a worker prints once its runner has started. */
    static final String READY = "worker ready";

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

    /** Waits until the worker has started its runner; false if it ended first. */
    boolean awaitReady(String worker, Process process, java.time.Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log(worker)) && Files.readString(log(worker)).contains(READY)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("worker " + worker + " did not start within " + timeout + "; see " + log(worker));
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
