package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Optional;

/**
 * A Keystone v3 {@code project}, made by an admin with its description, enabled flag, domain and
 * tags. Keystone takes tags on create (API 3.10 and later), so the marker is the tag
 * {@code skylift-source:<marker>} that Neutron's resources carry, within the rules of both
 * (Neutron's 60 characters are the stricter), and an earlier run's project is found with
 * {@code GET /v3/projects?tags=}.
 *
 * <p>Deleting a project deletes its role assignments, not what other services hold for it
 * (servers, networks, volumes, quotas): cleanup deletes those first.
 */
final class KeystoneProjectWriter extends KeystoneNamedWriter {

    KeystoneProjectWriter(WriterContext context) {
        super(ResourceType.PROJECT, context, KeystoneCollection.projects(context));
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        String tag = NeutronCollection.markerTag(request.marker());
        List<String> tagged = context.client().list(ServiceType.IDENTITY, collection.path("?tags=" + CloudWrites.encode(tag)), "projects")
                .stream()
                .map(project -> project.path("id").asText())
                .toList();
        if (tagged.size() > 1) {
            throw new SkyliftException(ErrorCode.ALREADY_EXISTS, tagged.size() + " of the destination's projects have the tag " + tag
                    + " (ids " + String.join(", ", tagged) + "): delete all but one, then run again");
        }
        return tagged.stream().findFirst();
    }

    @Override
    public String create(WriteRequest request) {
        String markerTag = NeutronCollection.markerTag(request.marker());
        ObjectNode fields = KeystoneCollection.named(request, "description", "enabled");
        KeystoneCollection.domainOf(context, request).ifPresent(domain -> fields.put("domain_id", domain));
        // A marker the source carries (it was migrated there) names another run's request, not this one.
        ArrayNode tags = fields.putArray("tags");
        CloudWrites.params(request).path("tags").valueStream().map(JsonNode::asText)
                .filter(tag -> !tag.startsWith(NeutronCollection.MARKER_PREFIX))
                .forEach(tags::add);
        tags.add(markerTag);
        try {
            return collection.create(fields);
        }
        catch (SkyliftException e) {
            String name = request.resource().ref().name();
            // Keystone's 409 for a taken project name says neither "already exists" nor "duplicate".
            if (e.code() == ErrorCode.ALREADY_EXISTS || (e.code() == ErrorCode.CLOUD_REJECTED && lookup(request.resource().ref()).isPresent())) {
                throw new SkyliftException(ErrorCode.ALREADY_EXISTS, "project " + name + " exists at the destination, but not with this"
                        + " import's tag " + markerTag + ": import under a name prefix, or delete or rename the destination's"
                        + " (openstack project delete " + name + ") (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }
}
