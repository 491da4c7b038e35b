package io.skylift.provider.openstack.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The cloud's own explanation in an error body. Each service words it differently: Nova and
 * Cinder {@code {"itemNotFound": {"message": ...}}}, Neutron {@code {"NeutronError": {"message": ...}}},
 * Keystone {@code {"error": {"message": ...}}}, Placement {@code {"errors": [{"detail": ...}]}},
 * WSGI faults {@code {"faultstring": ...}}, Glance often plain text or HTML.
 */
final class CloudErrorMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 500;

    private CloudErrorMessage() {}

    static String of(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        if (trimmed.startsWith("{")) {
            try {
                String found = fromJson(JSON.readTree(trimmed));
                if (!found.isEmpty()) {
                    return shorten(found);
                }
            } catch (IOException notJson) {
                // Fall through: show the text as it is.
            }
        }
        // Glance and proxies answer with HTML; the tags only get in the way.
        return shorten(trimmed.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip());
    }

    private static String fromJson(JsonNode node) {
        for (String key : new String[] {"faultstring", "message", "detail", "title"}) {
            if (node.path(key).isTextual() && !node.path(key).asText().isBlank()) {
                String text = node.path(key).asText().strip();
                if (key.equals("message") && node.path("detail").isTextual() && !node.path("detail").asText().isBlank()) {
                    text = text + " (" + node.path("detail").asText().strip() + ")";
                }
                return text;
            }
        }
        if (node.path("errors").isArray() && !node.path("errors").isEmpty()) {
            return fromJson(node.path("errors").get(0));
        }
        // {"itemNotFound": {...}}, {"NeutronError": {...}}, {"error": {...}}: one wrapping object.
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                String inner = fromJson(field.getValue());
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
        }
        return "";
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
