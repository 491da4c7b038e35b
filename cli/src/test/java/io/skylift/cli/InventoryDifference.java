package io.skylift.cli;

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
 * What differs between a resource as exported and as the destination's inventory reads it back,
 * field by field: params, and references by type and name (owners are project names or, for a
 * project the reader cannot name, ids, which differ between clouds). The marker an import leaves
 * (a {@code skylift-source:} tag, a {@code skylift_source_id} property or metadata key) is not a
 * difference.
 */
final class InventoryDifference {

    private static final String TAG_MARKER = "skylift-source:";
    private static final String KEY_MARKER = "skylift_source_id";

    private InventoryDifference() {}

    static List<String> between(Resource exported, Resource imported) {
        List<String> differences = new ArrayList<>();
        Map<String, Object> expected = withoutMarkers(exported.params());
        Map<String, Object> actual = withoutMarkers(imported.params());
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
            List<String> was = names(exported.refs().getOrDefault(role, List.of()));
            List<String> is = names(imported.refs().getOrDefault(role, List.of()));
            if (!was.equals(is)) {
                differences.add("refs." + role + " was " + was + ", is " + is);
            }
        }
        return differences;
    }

    private static List<String> names(List<ResourceRef> refs) {
        return refs.stream().map(ref -> ref.type() + ":" + ref.name()).toList();
    }

    private static Map<String, Object> withoutMarkers(Map<String, Object> params) {
        Map<String, Object> copy = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            Object cleaned = withoutMarkers(value);
            // The inventory leaves empty values out, so tags that held only the marker are no tags.
            boolean empty = cleaned instanceof List<?> list && list.isEmpty() || cleaned instanceof Map<?, ?> map && map.isEmpty();
            if (!empty) {
                copy.put(key, cleaned);
            }
        });
        return copy;
    }

    private static Object withoutMarkers(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> {
                if (!KEY_MARKER.equals(key)) {
                    copy.put((String) key, inner);
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(item -> !(item instanceof String text && text.startsWith(TAG_MARKER))).toList();
        }
        return value;
    }
}
