package io.skylift.provider.openstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.spi.ServerPower;
import java.util.Locale;
import java.util.Set;

/** {@link ServerPower} through Nova's {@code os-stop} and {@code os-start} actions. */
public final class NovaServerPower implements ServerPower {

    private static final String ACTIVE = "active";
    private static final String SHUTOFF = "shutoff";
    private static final Set<String> FAILED = Set.of("error", "deleted", "soft_deleted");

    private final OpenStackClient client;
    private final StatusPoll poll;

    public NovaServerPower(OpenStackClient client, StatusPoll poll) {
        this.client = requireNonNull(client, "client is null");
        this.poll = requireNonNull(poll, "poll is null");
    }

    @Override
    public boolean isRunning(String serverId) {
        return status(serverId).equals(ACTIVE);
    }

    @Override
    public void stop(String serverId) {
        act(serverId, "os-stop", SHUTOFF);
    }

    @Override
    public void start(String serverId) {
        act(serverId, "os-start", ACTIVE);
    }

    private void act(String serverId, String action, String wanted) {
        if (!status(serverId).equals(wanted)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putNull(action);
            client.post(ServiceType.COMPUTE, "/servers/" + serverId + "/action", body);
        }
        poll.until(ServiceType.COMPUTE, "/servers/" + serverId, "server", "server " + serverId, Set.of(wanted), FAILED);
    }

    private String status(String serverId) {
        return client.get(ServiceType.COMPUTE, "/servers/" + serverId).path("server").path("status").asText("").toLowerCase(Locale.ROOT);
    }
}
