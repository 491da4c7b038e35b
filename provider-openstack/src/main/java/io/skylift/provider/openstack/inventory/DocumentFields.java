package io.skylift.provider.openstack.inventory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Copies fields of one API document into a params or info map, in the order written, leaving out
 * what the cloud reports as null, empty text or an empty collection: an absent key and an empty
 * default mean the same to the destination, and resource files stay short.
 */
final class DocumentFields {

    private final JsonNode document;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private DocumentFields(JsonNode document) {
        this.document = requireNonNull(document, "document is null");
    }

    static DocumentFields of(JsonNode document) {
        return new DocumentFields(document);
    }

    /** The text of {@code field}, if it is present and not blank. */
    static Optional<String> text(JsonNode document, String field) {
        JsonNode value = document.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** Copies {@code field} under the same key. */
    DocumentFields copy(String field) {
        return copy(field, field);
    }

    /** Copies {@code field} under {@code key}, such as {@code router:external} as {@code external}. */
    DocumentFields copy(String field, String key) {
        return put(key, JsonNodeToTree.convert(document.get(field)));
    }

    /** Puts {@code value} unless it is null, blank text or an empty map or collection. */
    DocumentFields put(String key, Object value) {
        boolean empty = value == null
                || value instanceof String text && text.isBlank()
                || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof Collection<?> collection && collection.isEmpty();
        if (!empty) {
            values.put(key, value);
        }
        return this;
    }

    Map<String, Object> build() {
        return values;
    }
}
