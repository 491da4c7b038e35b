package io.skylift.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a long-running command (a worker, a foreground run), and its answer that it
 * has stopped. In a real run SIGTERM or Ctrl-C asks, and the JVM waits for the drain before it
 * exits; tests ask directly.
 */
final class StopSignal {

    /** How long a signal waits for running tasks to finish before the JVM exits anyway. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A signal asked by the JVM's shutdown (SIGTERM, SIGINT), which then waits for {@link #stopped()}. */
    static StopSignal onShutdown() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("skylift-stop").unstarted(() -> {
            signal.ask();
            signal.awaitStopped(DRAIN_LIMIT);
        }));
        return signal;
    }

    void ask() {
        asked.countDown();
    }

    boolean isAsked() {
        return asked.getCount() == 0;
    }

    /** Waits up to {@code timeout}; true when stop was asked. */
    boolean awaitAsked(Duration timeout) throws InterruptedException {
        return asked.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Says the command has finished stopping. */
    void stopped() {
        stopped.countDown();
    }

    boolean awaitStopped(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
