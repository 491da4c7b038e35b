package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceRef;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One task of a new execution. {@code concurrencyKeys} name shared limits it counts against, such
 * as {@code endpoint:dst/image-upload}; the runner's options say how many may run at once per key.
 */
public record NewTask(String id, String type, Optional<ResourceRef> resource, Map<String, Object> inputs, List<String> dependsOn,
        List<String> concurrencyKeys) {

    public NewTask {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(resource, "resource is null");
        checkName("task id", id);
        checkName("task type", type);
        inputs = Map.copyOf(requireNonNull(inputs, "inputs is null"));
        dependsOn = List.copyOf(new LinkedHashSet<>(requireNonNull(dependsOn, "dependsOn is null")));
        concurrencyKeys = List.copyOf(new LinkedHashSet<>(requireNonNull(concurrencyKeys, "concurrencyKeys is null")));
        if (dependsOn.contains(id)) {
            throw new IllegalArgumentException("task " + id + " depends on itself");
        }
        concurrencyKeys.forEach(key -> checkName("concurrency key", key));
    }

    public static NewTask of(String id, String type) {
        return new NewTask(id, type, Optional.empty(), Map.of(), List.of(), List.of());
    }

    public NewTask withResource(ResourceRef ref) {
        return new NewTask(id, type, Optional.of(ref), inputs, dependsOn, concurrencyKeys);
    }

    public NewTask withInputs(Map<String, Object> values) {
        return new NewTask(id, type, resource, values, dependsOn, concurrencyKeys);
    }

    public NewTask dependingOn(String... taskIds) {
        Set<String> all = new LinkedHashSet<>(dependsOn);
        all.addAll(List.of(taskIds));
        return new NewTask(id, type, resource, inputs, List.copyOf(all), concurrencyKeys);
    }

    public NewTask limitedBy(String... keys) {
        Set<String> all = new LinkedHashSet<>(concurrencyKeys);
        all.addAll(List.of(keys));
        return new NewTask(id, type, resource, inputs, dependsOn, List.copyOf(all));
    }

    /** The inputs with one more entry. */
    public NewTask withInput(String key, Object value) {
        Map<String, Object> all = new HashMap<>(inputs);
        all.put(key, value);
        return withInputs(all);
    }

    private static void checkName(String what, String value) {
        if (value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 1 to 200 printable characters");
        }
    }
}
