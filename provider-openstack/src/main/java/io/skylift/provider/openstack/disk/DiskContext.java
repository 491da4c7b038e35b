package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.StatusPoll;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.client.Session;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.Set;

/** What every staging step works with: the client, and the poll that waits for the cloud to finish. */
record DiskContext(OpenStackClient client, StatusPoll poll) {

    /** Glance statuses an image never comes back from to active on its own. */
    private static final Set<String> IMAGE_FAILED = Set.of("killed", "deleted", "pending_delete", "deactivated");

    DiskContext {
        requireNonNull(client, "client is null");
        requireNonNull(poll, "poll is null");
    }

    /**
     * The connection's project. Glance lists other projects' public and shared images too, so
     * temporaries are looked for among this project's own only.
     */
    String projectId() {
        Session session = client.session();
        return session.project().map(Session.NamedId::id).orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                "user " + session.userName() + " is scoped to a domain, but reading disks makes temporary copies in a project: "
                        + "give project_name (or project_id) in the connection"));
    }

    /** Waits until a staged image's data is all in Glance; its document. */
    JsonNode untilImageActive(String imageId, String what, StagingMarker marker) {
        return untilReady(ServiceType.IMAGE, "/v2/images/" + imageId, "", what, Set.of("active"), IMAGE_FAILED, marker);
    }

    /**
     * Waits for a temporary to be ready. One that failed stays failed, and a later stage finds
     * and reuses it, so the message says how to start over.
     */
    JsonNode untilReady(ServiceType service, String path, String key, String what, Set<String> ready, Set<String> failed,
            StagingMarker marker) {
        try {
            return poll.until(service, path, key, what, ready, failed);
        } catch (SkyliftException e) {
            if (e.code() != ErrorCode.CLOUD_REJECTED) {
                throw e;
            }
            throw new SkyliftException(e.code(), e.getMessage() + "; then release marker " + marker.value()
                    + " to delete the temporaries and stage again", e);
        }
    }
}
