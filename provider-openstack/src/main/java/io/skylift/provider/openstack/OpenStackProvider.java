package io.skylift.provider.openstack;

import static java.util.Objects.requireNonNull;

import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.client.ServiceCatalog;
import io.skylift.provider.openstack.client.Session;
import io.skylift.provider.openstack.disk.OpenStackDiskSource;
import io.skylift.provider.openstack.inventory.ConnectionScope;
import io.skylift.provider.openstack.inventory.OpenStackInventory;
import io.skylift.provider.openstack.writer.OpenStackResourceWriter;
import io.skylift.spi.Capability;
import io.skylift.spi.DiskSource;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.ServerPower;
import io.skylift.spi.SkyliftException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeSet;

/** A connection to one OpenStack cloud account. */
final class OpenStackProvider implements Provider {

    /** The services a migration needs, each with a cheap call that any member of a project may make. */
    private static final List<Probe> PROBES = List.of(
            new Probe(ServiceType.IDENTITY, "identity", "/auth/projects"),
            new Probe(ServiceType.COMPUTE, "compute", "/flavors?limit=1"),
            new Probe(ServiceType.IMAGE, "image", "/v2/images?limit=1"),
            new Probe(ServiceType.NETWORK, "network", "/v2.0/networks?limit=1"),
            new Probe(ServiceType.BLOCK_STORAGE, "block-storage", "/volumes?limit=1"));

    private record Probe(ServiceType service, String fact, String path) {}

    private final OpenStackClient client;

    OpenStackProvider(OpenStackClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /** The client the inventory and the other capabilities read and write through. */
    OpenStackClient client() {
        return client;
    }

    @Override
    public SequencedMap<String, String> validate() {
        Session session = client.session();
        SequencedMap<String, String> facts = new LinkedHashMap<>();
        facts.put("user", session.userName() + " (" + session.userId() + ")");
        session.project().ifPresent(project -> facts.put("project", project.name() + " (" + project.id() + ")"));
        session.domain().ifPresent(domain -> facts.put("domain", domain.name() + " (" + domain.id() + ")"));
        TreeSet<String> regions = new TreeSet<>();
        session.catalog().entries().stream().map(ServiceCatalog.Entry::region).filter(region -> !region.isEmpty()).forEach(regions::add);
        facts.put("regions", String.join(", ", regions));
        facts.put("roles", String.join(", ", new TreeSet<>(session.roles())));
        facts.put("admin", session.isAdmin() ? "yes" : "no");
        facts.put("token expires", session.expiresAt().toString());
        for (Probe probe : PROBES) {
            String url = client.endpoint(probe.service()).url().toString();
            client.get(probe.service(), probe.path());
            facts.put(probe.fact(), url + " (answers)");
        }
        return facts;
    }

    @Override
    public <T extends Capability> Optional<T> capability(Class<T> type) {
        requireNonNull(type, "type is null");
        if (type == Inventory.class) {
            // Authenticates on the first read, not here: asking what a provider can do sends nothing.
            Inventory inventory = types -> inventory().read(types);
            return Optional.of(type.cast(inventory));
        }
        if (type == ResourceWriter.class) {
            return Optional.of(type.cast(new OpenStackResourceWriter(client)));
        }
        if (type == DiskSource.class) {
            return Optional.of(type.cast(new OpenStackDiskSource(client)));
        }
        if (type == ServerPower.class) {
            return Optional.of(type.cast(new NovaServerPower(client, StatusPoll.standard(client))));
        }
        return Optional.empty();
    }

    private OpenStackInventory inventory() {
        Session session = client.session();
        Session.NamedId project = session.project().orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                "user " + session.userName() + " is scoped to a domain, but reading a cloud's resources needs a project: "
                        + "give project_name (or project_id) in the connection"));
        return new OpenStackInventory(client, ConnectionScope.of(project.id(), project.name(), session.userId(), session.userName()));
    }

    @Override
    public void close() {
        client.close();
    }
}
