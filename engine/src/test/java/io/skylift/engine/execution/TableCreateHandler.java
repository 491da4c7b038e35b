package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates one resource in a {@link TableCloud} through the intent protocol, with pauses before
 * the intent, between the create and its {@code markDone}, and after, so a process killed at a
 * random moment is often inside one of them. The task named {@code failTask}, if any, fails with
 * a user error after its create, so cleanup must remove what a failed task made too.
 */
final class TableCreateHandler implements TaskHandler {

    static final String TYPE = "table-create";

    private final TableCloud cloud;
    private final String worker;
    private final Duration pause;
    private final Optional<String> failTask;

    TableCreateHandler(TableCloud cloud, String worker, Duration pause, Optional<String> failTask) {
        this.cloud = requireNonNull(cloud, "cloud is null");
        this.worker = requireNonNull(worker, "worker is null");
        this.pause = requireNonNull(pause, "pause is null");
        this.failTask = requireNonNull(failTask, "failTask is null");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> run(TaskContext context) throws Exception {
        context.throwIfCancelled();
        CreateHandler.requireDependencyIds(context);
        pause();
        String marker = CreateHandler.marker(context);
        Intent intent = context.intent("create");
        String id;
        if (intent.state() == IntentState.DONE) {
            id = intent.result().orElseThrow();
        }
        else {
            Optional<String> found = intent.state() == IntentState.RECORDED ? cloud.findByMarker(marker) : Optional.empty();
            if (found.isPresent()) {
                id = found.get();
            }
            else {
                // Fails once the lease is lost, so a worker that was paused past it does not create.
                context.heartbeat(Progress.of(0, 1, "creating"));
                id = cloud.create(marker, worker);
            }
            pause();
            context.markDone("create", id);
        }
        if (failTask.isPresent() && failTask.get().equals(context.taskId())) {
            throw new SkyliftException(ErrorCode.QUOTA_EXCEEDED, "quota reached while creating " + marker);
        }
        context.heartbeat(Progress.of(1, 1, "created " + id), Map.of("id", id));
        pause();
        context.throwIfCancelled();
        return Map.of("id", id);
    }

    @Override
    public void cleanup(TaskContext context) throws Exception {
        if (!context.intents().isEmpty()) {
            pause();
            cloud.delete(CreateHandler.marker(context), worker);
        }
    }

    private void pause() throws InterruptedException {
        if (!pause.isZero()) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(pause.toMillis() + 1));
        }
    }
}
