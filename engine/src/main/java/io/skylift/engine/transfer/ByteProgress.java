package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.execution.Progress;
import io.skylift.engine.execution.TaskContext;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Reports bytes copied as a task's progress at most once a second (each report is a write to the
 * journal), and stops the copy at that moment when the execution was cancelled.
 */
final class ByteProgress implements LongConsumer {

    private static final long INTERVAL = Duration.ofSeconds(1).toNanos();

    private final TaskContext context;
    private final long total;
    private final String message;
    private long next = System.nanoTime();

    ByteProgress(TaskContext context, long total, String message) {
        this.context = requireNonNull(context, "context is null");
        this.total = total;
        this.message = requireNonNull(message, "message is null");
    }

    @Override
    public void accept(long bytes) {
        long now = System.nanoTime();
        if (now - next >= 0 || (total > 0 && bytes == total)) {
            context.throwIfCancelled();
            context.heartbeat(new Progress(bytes, total, bytes, message));
            next = now + INTERVAL;
        }
    }
}
