package io.skylift.engine.transfer;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between a resource as it left the origin and as the destination's inventory reads
 * back what was made of it, field by field: every param, and references by type and name (owners
 * are project names or, for a project the reader cannot name, ids, which differ between clouds).
 * The marker an import leaves (a {@code skylift-source:} tag, a {@code skylift_source_id} property
 * or metadata key) is not a difference, nor is a name prefix the import was given.
 */
public final class Fidelity {

    private static final String TAG_MARKER = "skylift-source:";
    private static final String KEY_MARKER = "skylift_source_id";

    private Fidelity() {}

    /**
     * @param prefix the name prefix of the import or migration, removed from the destination's
     *               names and texts before they are compared
     * @return one line per field that differs, such as {@code params.mtu was 1450, is 1500}
     */
    public static List<String> between(Resource exported, Resource imported, String prefix) {
        List<String> differences = new ArrayList<>();
        Map<String, Object> expected = withoutMarkers(exported.params(), "");
        Map<String, Object> actual = withoutMarkers(imported.params(), prefix);
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                differences.add("params." + key + " was " + expected.get(key) + ", is " + actual.get(key));
            }
        }
        Set<String> roles = new TreeSet<>(exported.refs().keySet());
        roles.addAll(imported.refs().keySet());
        for (String role : roles) {
            List<String> was = names(exported.refs().getOrDefault(role, List.of()), "");
            List<String> is = names(imported.refs().getOrDefault(role, List.of()), prefix);
            if (!was.equals(is)) {
                differences.add("refs." + role + " was " + was + ", is " + is);
            }
        }
        return differences;
    }

    private static List<String> names(List<ResourceRef> refs, String prefix) {
        return refs.stream().map(ref -> ref.type() + ":" + unprefixed(ref.name(), prefix)).toList();
    }

    private static String unprefixed(String name, String prefix) {
        return prefix.isEmpty() ? name : name.replace(prefix, "");
    }

    private static Map<String, Object> withoutMarkers(Map<?, ?> params, String prefix) {
        Map<String, Object> copy = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            Object cleaned = withoutMarkers(value, prefix);
            // The inventory leaves empty values out, so tags that held only the marker are no tags.
            boolean empty = cleaned instanceof List<?> list && list.isEmpty() || cleaned instanceof Map<?, ?> map && map.isEmpty();
            if (!empty) {
                copy.put((String) key, cleaned);
            }
        });
        return copy;
    }

    /** The value with markers left out, at any depth, and names (any text) without the prefix. */
    private static Object withoutMarkers(Object value, String prefix) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> {
                if (!KEY_MARKER.equals(key)) {
                    copy.put((String) key, withoutMarkers(inner, prefix));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(item -> !(item instanceof String text && text.startsWith(TAG_MARKER)))
                    .map(item -> withoutMarkers(item, prefix)).toList();
        }
        return value instanceof String text ? unprefixed(text, prefix) : value;
    }
}
