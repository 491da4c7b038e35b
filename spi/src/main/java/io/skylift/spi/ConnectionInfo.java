package io.skylift.spi;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach one cloud account: the values an endpoint stores (URL, user, password, ...),
 * already checked against the provider's connection schema.
 *
 * @param values     flat key to string, number or boolean
 * @param secretKeys the keys whose values are secrets (the schema marks them {@code writeOnly});
 *                   {@link #toString()} and {@link #redacted()} never show them
 */
public record ConnectionInfo(Map<String, Object> values, Set<String> secretKeys) {

    static final String REDACTED = "******";

    public ConnectionInfo {
        values = Map.copyOf(requireNonNull(values, "values is null"));
        secretKeys = Set.copyOf(requireNonNull(secretKeys, "secretKeys is null"));
    }

    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(key)).map(Object::toString);
    }

    /** The value of a key the schema requires; a missing one is a bug, not bad input. */
    public String requiredString(String key) {
        return string(key).orElseThrow(() -> new IllegalStateException("connection info has no " + key));
    }

    public boolean flag(String key) {
        Object value = values.get(key);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** The values with every secret replaced by a mask, in key order: safe to print and log. */
    public Map<String, Object> redacted() {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.keySet().stream().sorted().forEach(key -> shown.put(key, secretKeys.contains(key) ? REDACTED : values.get(key)));
        return shown;
    }

    @Override
    public String toString() {
        return "ConnectionInfo" + redacted();
    }
}
