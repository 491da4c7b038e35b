package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.client.Session;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One Neutron collection ({@code /v2.0/networks}, ...) in the connection's own project: the calls
 * every Neutron writer makes, and the messages for what Neutron refuses.
 *
 * @param plural   the collection, as in its path and its listing's key: {@code security_groups}
 *                 (the path spells it {@code security-groups})
 * @param singular the key of one document: {@code security_group}
 * @param quota    the option of {@code openstack quota set} that raises this collection's quota:
 *                 {@code secgroups}
 */
record NeutronCollection(OpenStackClient client, String plural, String singular, String quota) {

    /** Prefix of the tag that carries a request's marker. */
    static final String MARKER_PREFIX = "skylift-source:";

    /** Neutron refuses longer tags. */
    static final int TAG_LIMIT = 60;

    static final ObjectMapper JSON = new ObjectMapper();

    NeutronCollection {
        requireNonNull(client, "client is null");
        requireNonNull(plural, "plural is null");
        requireNonNull(singular, "singular is null");
        requireNonNull(quota, "quota is null");
    }

    static NeutronCollection of(WriterContext context, String plural, String singular, String quota) {
        return new NeutronCollection(context.client(), plural, singular, quota);
    }

    /** The tag that marks what a request made: {@code skylift-source:<marker>}. */
    static String markerTag(String marker) {
        String tag = MARKER_PREFIX + marker;
        if (tag.length() > TAG_LIMIT || tag.contains(",")) {
            throw new SkyliftException(ErrorCode.INTERNAL, "marker '" + marker + "' makes the tag " + tag
                    + ", which Neutron refuses (at most " + TAG_LIMIT + " characters, no commas): markers are source ids");
        }
        return tag;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The path of the collection, or of one of its documents with {@code suffix} {@code /<id>}. */
    String path(String suffix) {
        return "/v2.0/" + plural.replace('_', '-') + suffix;
    }

    /** The id of the connection's project: everything is created there, and found only there. */
    String project() {
        Session session = client.session();
        return session.project().map(Session.NamedId::id).orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                "user " + session.userName() + " is scoped to a domain, but creating " + plural
                        + " needs a project: give project_name (or project_id) in the destination connection"));
    }

    /** The documents that match {@code filters} (field, value), in the connection's project. */
    List<JsonNode> list(Map<String, String> filters) {
        Map<String, String> own = new LinkedHashMap<>(filters);
        own.put("project_id", project());
        return visible(own);
    }

    /** The documents that match {@code filters} in any project the connection may see. */
    List<JsonNode> visible(Map<String, String> filters) {
        String query = filters.entrySet().stream().map(filter -> filter.getKey() + "=" + encode(filter.getValue()))
                .collect(Collectors.joining("&"));
        return client.list(ServiceType.NETWORK, path(query.isEmpty() ? "" : "?" + query), plural);
    }

    /** What an earlier run made for {@code marker}: the one document of this project that carries its tag. */
    Optional<String> findTagged(String marker) {
        String tag = markerTag(marker);
        return unique(list(Map.of("tags", tag)), "tag " + tag);
    }

    /** The one document of this project named {@code name}. */
    Optional<String> findNamed(String name) {
        return unique(list(Map.of("name", name)), "name " + name);
    }

    /** The id of the only document in {@code found}; several are an error, since either could be meant. */
    Optional<String> unique(List<JsonNode> found, String by) {
        if (found.size() > 1) {
            throw new SkyliftException(ErrorCode.ALREADY_EXISTS, found.size() + " " + plural + " visible to project " + project()
                    + " have the " + by + " (" + found.stream().map(document -> document.path("id").asText()).collect(Collectors.joining(", "))
                    + "): delete or rename all but one, then run again");
        }
        return found.stream().findFirst().map(document -> document.path("id").asText());
    }

    JsonNode get(String id) {
        return client.get(ServiceType.NETWORK, path("/" + id)).path(singular);
    }

    /**
     * Creates a document from {@code fields} and tags it with the marker and {@code tags}. Neutron
     * takes no tags on create here, so they follow at once; if tagging fails the document is deleted
     * again, since an untagged one would be made twice by the next run.
     *
     * @param what names the resource in messages: {@code network:demo/skylift-net-a}
     */
    String create(String what, ObjectNode fields, String marker, List<String> tags, Function<SkyliftException, String> fix) {
        String markerTag = markerTag(marker);
        String id = post(what, fields, fix).path("id").asText();
        // A marker the source carries (it was migrated there) names another run's request, not this one.
        List<String> all = new ArrayList<>(tags.stream().filter(tag -> !tag.startsWith(MARKER_PREFIX)).toList());
        all.add(markerTag);
        try {
            tag(id, all);
        }
        catch (SkyliftException e) {
            delete(id);
            throw failure("tag " + what + " (" + id + ")", e, "");
        }
        return id;
    }

    /**
     * Sends {@code fields} as a new document and returns what Neutron made.
     *
     * @param fix the fix for a refusal, from Neutron's words; empty for the code's usual one
     */
    JsonNode post(String what, ObjectNode fields, Function<SkyliftException, String> fix) {
        ObjectNode body = JSON.createObjectNode();
        body.set(singular, fields);
        try {
            return client.post(ServiceType.NETWORK, path(""), body).path(singular);
        }
        catch (SkyliftException e) {
            throw failure("create " + what, e, fix.apply(e));
        }
    }

    /** Copies each of {@code keys} that {@code params} has into {@code fields} under the same name. */
    static ObjectNode copy(ObjectNode fields, Map<String, Object> params, String... keys) {
        for (String key : keys) {
            if (params.containsKey(key)) {
                fields.set(key, JSON.valueToTree(params.get(key)));
            }
        }
        return fields;
    }

    /** Replaces the document's tags. */
    void tag(String id, List<String> tags) {
        ObjectNode body = JSON.createObjectNode();
        tags.forEach(body.putArray("tags")::add);
        client.put(ServiceType.NETWORK, path("/" + id + "/tags"), body);
    }

    /** Deletes a document; one that is gone already is fine. Neutron deletes before it answers, so there is nothing to wait for. */
    void delete(String id) {
        try {
            client.delete(ServiceType.NETWORK, path("/" + id));
        }
        catch (SkyliftException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                String fix = e.getMessage().toLowerCase(Locale.ROOT).contains("in use")
                        ? "something still uses it (a port, subnet, router interface or floating IP): delete that first" : "";
                throw failure("delete " + singular.replace('_', ' ') + " " + id, e, fix);
            }
        }
    }

    /**
     * Neutron's refusal with the resource it was about and a fix: {@code cannot create subnet
     * demo/a: <Neutron's words>: <fix>}. An empty {@code fix} takes the one for the code, if any.
     */
    SkyliftException failure(String action, SkyliftException cause, String fix) {
        String remedy = !fix.isEmpty() ? fix : switch (cause.code()) {
            case QUOTA_EXCEEDED -> "the destination project's quota of " + plural.replace('_', ' ') + " is used up: raise it (openstack quota set --"
                    + quota + " N " + project() + ") or delete unused ones";
            case PERMISSION_DENIED -> "the destination user may not set some of these fields; remove them from the resource's params or connect as admin";
            // A field of an extension the destination's Neutron does not have, such as dns_name without DNS integration.
            case CLOUD_REJECTED -> cause.getMessage().toLowerCase(Locale.ROOT).contains("unrecognized attribute")
                    ? "the destination's Neutron lacks the extension of that field: remove it from the resource's params" : "";
            default -> "";
        };
        return new SkyliftException(cause.code(), "cannot " + action + ": " + cause.getMessage() + (remedy.isEmpty() ? "" : ": " + remedy), cause);
    }
}
