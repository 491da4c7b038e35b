package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a JSON document into the plain maps, lists and scalars a {@link io.skylift.model.Resource}
 * holds. JSON {@code null} is left out, because the model spells "absent" only by a missing key.
 */
final class JsonNodeToTree {

    private JsonNodeToTree() {}

    /** The tree for {@code node}, or {@code null} when the node is missing or JSON null. */
    static Object convert(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Object value = convert(field.getValue());
                if (value != null) {
                    map.put(field.getKey(), value);
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                Object value = convert(element);
                if (value != null) {
                    list.add(value);
                }
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
