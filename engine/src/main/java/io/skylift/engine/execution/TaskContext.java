package io.skylift.engine.execution;

import io.skylift.model.ResourceRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a handler sees of its task. Calls that write to the journal throw
 * {@link LeaseLostException} once another worker holds the task.
 */
public interface TaskContext {

    UUID executionId();

    String taskId();

    Optional<ResourceRef> resource();

    /** 1 for the first attempt; cleanup attempts count separately. */
    int attempt();

    Map<String, Object> inputs();

    /** Outputs of the tasks this one depends on, by task id. */
    Map<String, Map<String, Object>> dependencyOutputs();

    /** This task's own outputs: empty while it runs, what {@code run} returned when it is cleaned up. */
    Map<String, Object> outputs();

    /** The last checkpoint an attempt heartbeated, to resume from instead of starting over. */
    Optional<Map<String, Object>> checkpoint();

    /** Journals progress and renews the lease. */
    void heartbeat(Progress progress);

    /** Journals progress and a checkpoint a later attempt resumes from, and renews the lease. */
    void heartbeat(Progress progress, Map<String, Object> checkpoint);

    /** Records the intent to make a side effect, before making it; says whether an earlier attempt did. */
    Intent intent(String key);

    /** Records that the side effect of {@code key} was made, with what it produced (such as the id it created). */
    void markDone(String key, String result);

    /** Every intent this task's attempts recorded, in order; cleanup undoes them. */
    List<Intent> intents();

    /** @throws TaskCancelledException when cancel was asked; call it at each checkpoint */
    void throwIfCancelled();

    Clock clock();
}
