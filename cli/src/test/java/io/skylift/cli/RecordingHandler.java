package io.skylift.cli;

import io.skylift.engine.execution.Intent;
import io.skylift.engine.execution.IntentState;
import io.skylift.engine.execution.Progress;
import io.skylift.engine.execution.TaskContext;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A task handler that records what it did: each run, each side effect made (once per task,
 * through an intent), each cleanup. Inputs steer it: {@code fail} fails with a user error,
 * {@code cloud_fails} records its intent and then fails as a cloud that refused,
 * {@code block} waits, after a 3/10 heartbeat, until the test releases it.
 */
final class RecordingHandler implements TaskHandler {

    static final String TYPE = "record";

    final Map<String, Integer> runs = new ConcurrentHashMap<>();
    final Map<String, Integer> creates = new ConcurrentHashMap<>();
    final List<String> cleanups = new CopyOnWriteArrayList<>();
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> run(TaskContext context) throws Exception {
        runs.merge(context.taskId(), 1, Integer::sum);
        if (Boolean.TRUE.equals(context.inputs().get("block"))) {
            context.heartbeat(new Progress(3, 10, 3072, "copying"));
            blocked.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }
        if (Boolean.TRUE.equals(context.inputs().get("fail"))) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "told to fail");
        }
        Intent intent = context.intent("make");
        if (Boolean.TRUE.equals(context.inputs().get("cloud_fails"))) {
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, "the cloud refused");
        }
        String made = intent.state() == IntentState.DONE ? intent.result().orElseThrow() : "made-" + context.taskId();
        if (intent.state() != IntentState.DONE) {
            creates.merge(context.taskId(), 1, Integer::sum);
            context.markDone("make", made);
        }
        return Map.of("id", made);
    }

    @Override
    public void cleanup(TaskContext context) {
        cleanups.add(context.taskId());
    }
}
