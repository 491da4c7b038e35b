package io.skylift.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deep, unmodifiable copies of the free-form maps in a {@link Resource}: nested maps, lists and
 * plain scalars only, so a resource can be shared between threads and written to YAML as is.
 */
final class ImmutableTree {

    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Short.class, Byte.class, Double.class, Float.class, BigInteger.class, BigDecimal.class);

    private ImmutableTree() {}

    /**
     * Copies {@code map}, keeping its key order so what a person wrote reads back the same.
     *
     * @param path where the map sits, such as {@code params}, to name a bad value precisely
     * @throws IllegalArgumentException naming the path of a null or unsupported value
     */
    static Map<String, Object> copyOf(String path, Map<String, ?> map) {
        if (map == null) {
            throw new NullPointerException(path + " is null");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            // The declared type does not stop a raw or deserialized map from holding other keys.
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException(path + " has a key that is not a string: " + key);
            }
            copy.put(name, copyValue(path + "." + name, entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(String path, Object value) {
        if (value == null) {
            // One way to say "absent" keeps comparisons and generated playbooks simple.
            throw new IllegalArgumentException(path + " is null; leave the key out instead");
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> entries = (Map<String, ?>) map;
            return copyOf(path, entries);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(path + "[" + i + "]", list.get(i)));
            }
            return List.copyOf(copy);
        }
        if (SCALARS.contains(value.getClass())) {
            return value;
        }
        throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
                + "; expected a string, number, boolean, list or map");
    }
}
