package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import io.skylift.provider.openstack.StatusPoll;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.client.Session;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;

/** What every staging step works with: the client, and the poll that waits for the cloud to finish. */
record DiskContext(OpenStackClient client, StatusPoll poll) {

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
}
