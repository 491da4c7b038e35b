package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.List;
import java.util.Map;

/** A Cinder snapshot ({@code GET /snapshots/detail}) as a {@code volume_snapshot} depending on its volume. */
final class CinderSnapshotToResource {

    private static final String PROJECT_ID = "os-extended-snapshot-attributes:project_id";

    private CinderSnapshotToResource() {}

    /** A member's listing names no project: the snapshot is then the connection's project's. */
    static ResourceRef ref(JsonNode snapshot, ConversionContext context) {
        return ResourceRef.of(ResourceType.VOLUME_SNAPSHOT, context.projectOwner(snapshot.path(PROJECT_ID).asText()),
                DocumentFields.text(snapshot, "name").orElse(snapshot.path("id").asText()));
    }

    static Resource convert(JsonNode snapshot, ConversionContext context) {
        String id = snapshot.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.VOLUME_SNAPSHOT, id).orElseGet(() -> ref(snapshot, context));
        Map<String, Object> params = DocumentFields.of(snapshot)
                .copy("description")
                .copy("size")
                .copy("metadata")
                .build();
        Map<String, Object> info = DocumentFields.of(snapshot)
                .copy("id")
                .copy("status")
                .copy("volume_id")
                .copy("created_at")
                .build();
        Map<String, List<ResourceRef>> refs = Map.of("volume",
                List.of(context.refTo(ResourceType.VOLUME, snapshot.path("volume_id").asText(), ref.owner())));
        return new Resource(ref, params, refs, info, Map.of());
    }
}
