package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ServiceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the hand-written clients of the unit tests share: user {@code demo} in project {@code demo},
 * signed in once, one page per listing, nothing to close. A fake names paths, never endpoints.
 */
public abstract class FakeOpenStackClient implements OpenStackClient {

    private final Session session;

    /** A session of user {@code demo} in project {@code demo} with this project id and these roles, valid for a day from the epoch. */
    protected FakeOpenStackClient(String projectId, List<String> roles) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(roles, "roles is null");
        this.session = new Session("u-demo", "demo", Optional.of(new Session.NamedId(projectId, "demo")), Optional.empty(), List.copyOf(roles),
                Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(1)), new ServiceCatalog(List.of()));
    }

    @Override
    public final Session session() {
        return session;
    }

    @Override
    public final int authentications() {
        return 1;
    }

    @Override
    public final ServiceEndpoint endpoint(ServiceType service) {
        throw new UnsupportedOperationException("a fake client names paths, not endpoints: " + service);
    }

    /** The whole listing as one page. */
    @Override
    public final Stream<List<JsonNode>> pages(ServiceType service, String path, String collectionKey) {
        return Stream.of(list(service, path, collectionKey));
    }

    @Override
    public void close() {}
}
