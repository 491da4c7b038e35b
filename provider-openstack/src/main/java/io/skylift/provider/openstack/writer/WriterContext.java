package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import io.skylift.provider.openstack.StatusPoll;
import io.skylift.provider.openstack.client.OpenStackClient;

/** What every writer works with: the client, and the poll that waits for the cloud to finish. */
record WriterContext(OpenStackClient client, StatusPoll poll) {

    WriterContext {
        requireNonNull(client, "client is null");
        requireNonNull(poll, "poll is null");
    }

    WriterContext(OpenStackClient client) {
        this(client, StatusPoll.standard(client));
    }
}
