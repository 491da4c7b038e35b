package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A side effect a task declared before making it, keyed within the task; {@code result} is set once done. */
public record Intent(String key, IntentState state, Optional<String> result) {

    public Intent {
        requireNonNull(key, "key is null");
        requireNonNull(state, "state is null");
        requireNonNull(result, "result is null");
        if (state == IntentState.DONE != result.isPresent()) {
            throw new IllegalArgumentException("intent " + key + " is " + state + " but result is " + result);
        }
    }
}
