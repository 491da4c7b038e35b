package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Optional;

/**
 * One Keystone v3 collection ({@code /projects}, {@code /users}, {@code /roles}, {@code /domains}):
 * the calls the identity writers share. Keystone makes names unique within a domain only, so a
 * name asked for without a domain and found in two is refused rather than guessed.
 *
 * @param plural   the collection, as in its path and its listing's key: {@code projects}
 * @param singular the key of one document: {@code project}
 */
record KeystoneCollection(WriterContext context, String plural, String singular) {

    KeystoneCollection {
        requireNonNull(context, "context is null");
        requireNonNull(plural, "plural is null");
        requireNonNull(singular, "singular is null");
    }

    static KeystoneCollection projects(WriterContext context) {
        return new KeystoneCollection(context, "projects", "project");
    }

    static KeystoneCollection users(WriterContext context) {
        return new KeystoneCollection(context, "users", "user");
    }

    static KeystoneCollection roles(WriterContext context) {
        return new KeystoneCollection(context, "roles", "role");
    }

    /** The path of the collection, or of one of its documents with {@code suffix} {@code /<id>}. */
    String path(String suffix) {
        return "/" + plural + suffix;
    }

    /** The id of the one document named {@code name}, in {@code domain} (an id) when given, else in any domain. */
    Optional<String> findNamed(String name, Optional<String> domain) {
        String query = "?name=" + CloudWrites.encode(name) + domain.map(id -> "&domain_id=" + CloudWrites.encode(id)).orElse("");
        return CloudWrites.onlyNamed(context.client().list(ServiceType.IDENTITY, path(query), plural), name, singular)
                .map(document -> document.path("id").asText());
    }

    Optional<String> findNamed(String name) {
        return findNamed(name, Optional.empty());
    }

    /** Sends {@code fields} as a new document and returns its id; Keystone makes it before it answers. */
    String create(ObjectNode fields) {
        ObjectNode body = CloudWrites.object();
        body.set(singular, fields);
        return context.client().post(ServiceType.IDENTITY, path(""), body).path(singular).path("id").asText();
    }

    /** Deletes a document; one that is gone already is fine. */
    void delete(String id) {
        CloudWrites.deleteAndWait(context, ServiceType.IDENTITY, path("/" + CloudWrites.encode(id)), singular + " " + id);
    }

    /**
     * The destination id of the domain a project's or user's {@code params.domain} names: the
     * inventory puts the source's domain id there, which is the destination's too for
     * {@code default}; a domain of the same name is taken otherwise. Empty without one, and
     * Keystone then uses the connection's domain.
     */
    static Optional<String> domainOf(WriterContext context, WriteRequest request) {
        if (!(request.resource().params().get("domain") instanceof String domain) || domain.isBlank()) {
            return Optional.empty();
        }
        KeystoneCollection domains = new KeystoneCollection(context, "domains", "domain");
        Optional<String> byId = CloudWrites.get(context, ServiceType.IDENTITY, domains.path("/" + CloudWrites.encode(domain)))
                .map(body -> body.path("domain").path("id").asText());
        return Optional.of(byId.or(() -> domains.findNamed(domain)).orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND,
                "domain " + domain + " (params.domain of " + request.resource().ref() + ") is neither the id nor the name of a domain at"
                        + " the destination: create it there (openstack domain create " + domain + "), or set params.domain to one of the"
                        + " destination's domains (openstack domain list)")));
    }

    /** A document's fields as Keystone takes them: the request's name and those of {@code keys} its params have. */
    static ObjectNode named(WriteRequest request, String... keys) {
        return NeutronCollection.copy(CloudWrites.object().put("name", request.resource().ref().name()), request.resource().params(), keys);
    }
}
