package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Creates one resource in a {@link FakeCloud}, marked with its execution and task, through the
 * intent protocol: find by marker when an earlier attempt recorded the intent. Tests hook in at
 * the points where a real handler could fail, block or crash.
 */
final class CreateHandler implements TaskHandler {

    static final String TYPE = "create";

    @FunctionalInterface
    interface Hook {
        void at(TaskContext context) throws Exception;
    }

    private final FakeCloud cloud;
    private final Hook beforeCreate;
    private final Hook afterCreate;
    private final Duration work;
    private final RetryPolicy retryPolicy;

    private CreateHandler(FakeCloud cloud, Hook beforeCreate, Hook afterCreate, Duration work, RetryPolicy retryPolicy) {
        this.cloud = requireNonNull(cloud, "cloud is null");
        this.beforeCreate = beforeCreate;
        this.afterCreate = afterCreate;
        this.work = work;
        this.retryPolicy = retryPolicy;
    }

    static CreateHandler on(FakeCloud cloud) {
        return new CreateHandler(cloud, context -> {}, context -> {}, Duration.ZERO, RetryPolicy.standard());
    }

    CreateHandler beforeCreate(Hook hook) {
        return new CreateHandler(cloud, hook, afterCreate, work, retryPolicy);
    }

    /** Runs between the create and its {@code markDone}: the window a crash makes dangerous. */
    CreateHandler afterCreate(Hook hook) {
        return new CreateHandler(cloud, beforeCreate, hook, work, retryPolicy);
    }

    CreateHandler working(Duration duration) {
        return new CreateHandler(cloud, beforeCreate, afterCreate, duration, retryPolicy);
    }

    CreateHandler retrying(RetryPolicy policy) {
        return new CreateHandler(cloud, beforeCreate, afterCreate, work, policy);
    }

    /** What a created thing is found by after a crash: unique per execution and task. */
    static String marker(TaskContext context) {
        return context.executionId() + "/" + context.taskId();
    }

    /** Every dependency must have handed on the id it created, as a real one hands on a network id. */
    static void requireDependencyIds(TaskContext context) {
        for (Map.Entry<String, Map<String, Object>> dependency : context.dependencyOutputs().entrySet()) {
            if (!(dependency.getValue().get("id") instanceof String)) {
                throw new IllegalStateException("dependency " + dependency.getKey() + " has no id output: " + dependency.getValue());
            }
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> run(TaskContext context) throws Exception {
        context.throwIfCancelled();
        requireDependencyIds(context);
        String key = String.valueOf(context.inputs().getOrDefault("key", "all"));
        cloud.enter(key);
        try {
            beforeCreate.at(context);
            String marker = marker(context);
            Intent intent = context.intent("create");
            String id;
            if (intent.state() == IntentState.DONE) {
                id = intent.result().orElseThrow();
            }
            else {
                Optional<String> found = intent.state() == IntentState.RECORDED ? cloud.findByMarker(marker) : Optional.empty();
                id = found.isPresent() ? found.get() : cloud.create(marker);
                afterCreate.at(context);
                context.markDone("create", id);
            }
            if (!work.isZero()) {
                Thread.sleep(work);
            }
            context.heartbeat(Progress.of(1, 1, "created " + id), Map.of("id", id));
            context.throwIfCancelled();
            return Map.of("id", id);
        }
        finally {
            cloud.exit(key);
        }
    }

    @Override
    public void cleanup(TaskContext context) {
        if (!context.intents().isEmpty()) {
            // Whether or not the create was marked done, the marker finds what it made.
            cloud.delete(marker(context));
        }
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }
}
