package io.skylift.provider.openstack.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the page after this one is, by whichever convention the service follows. */
final class NextPage {

    private NextPage() {}

    /**
     * The link to the next page, relative or absolute, or empty on the last page.
     *
     * @param current the URL this page came from
     * @param page    the items of this page
     */
    static Optional<String> find(JsonNode body, String collectionKey, URI current, List<JsonNode> page) {
        // Nova, Cinder, Neutron: "servers_links": [{"rel": "next", "href": ...}]
        for (JsonNode link : body.path(collectionKey + "_links")) {
            if ("next".equals(link.path("rel").asText()) && link.path("href").isTextual()) {
                return Optional.of(link.get("href").asText());
            }
        }
        // Glance: "next": "/v2/images?marker=..."
        if (body.path("next").isTextual() && !body.get("next").asText().isBlank()) {
            return Optional.of(body.get("next").asText());
        }
        // Keystone: "links": {"next": url or null}
        if (body.path("links").path("next").isTextual()) {
            return Optional.of(body.path("links").path("next").asText());
        }
        return byMarker(current, page);
    }

    /** Services without links page by {@code marker}: a full page may have a successor. */
    private static Optional<String> byMarker(URI current, List<JsonNode> page) {
        String query = current.getRawQuery();
        if (query == null || page.isEmpty() || !page.getLast().path("id").isTextual()) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        int limit = -1;
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("limit=")) {
                try {
                    limit = Integer.parseInt(parameter.substring("limit=".length()));
                } catch (NumberFormatException ignored) {
                    return Optional.empty();
                }
            }
            if (!parameter.startsWith("marker=")) {
                kept.add(parameter);
            }
        }
        if (limit <= 0 || page.size() < limit) {
            return Optional.empty();
        }
        kept.add("marker=" + URLEncoder.encode(page.getLast().get("id").asText(), StandardCharsets.UTF_8));
        String base = current.toString().substring(0, current.toString().indexOf('?'));
        return Optional.of(base + "?" + String.join("&", kept));
    }
}
