package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeystoneProjectWriterTest {

    private static final ResourceRef REF = ResourceRef.global(ResourceType.PROJECT, "pfx-demo");
    private static final String TAGGED = "/projects?tags=skylift-source%3Asrc-project%7E1a2b3c4d";

    /** As KeystoneProjectToResource reads the source's demo, which carries an earlier migration's marker too. */
    private static WriteRequest request(String domain) {
        Resource project = new Resource(REF, Map.of("description", "Demo project", "enabled", false, "domain", domain,
                "tags", List.of("team-a", "skylift-source:older-run")), Map.of(), Map.of("id", "src-project"), Map.of());
        return new WriteRequest(project, Map.of(), "src-project~1a2b3c4d", Optional.empty());
    }

    @Test
    void create_postsTheFieldsWithTheSourceTagsAndTheMarkersTag() {
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.IDENTITY, "/domains/default", "{\"domain\": {\"id\": \"default\", \"name\": \"Default\"}}")
                .answer("POST", ServiceType.IDENTITY, "/projects", "{\"project\": {\"id\": \"pr-1\"}}");

        assertThat(new KeystoneProjectWriter(client.context()).create(request("default"))).isEqualTo("pr-1");

        assertThat(client.body("POST", "/projects")).isEqualTo(RecordingClient.json("""
                {"project": {"name": "pfx-demo", "description": "Demo project", "enabled": false, "domain_id": "default",
                             "tags": ["team-a", "skylift-source:src-project~1a2b3c4d"]}}"""));
    }

    @Test
    void create_inADomainNamedNotById_takesTheDomainOfThatName() {
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.IDENTITY, "/domains/Default", new SkyliftException(ErrorCode.NOT_FOUND, "HTTP 404"))
                .answer("GET", ServiceType.IDENTITY, "/domains?name=Default", "{\"domains\": [{\"id\": \"default\", \"name\": \"Default\"}]}")
                .answer("POST", ServiceType.IDENTITY, "/projects", "{\"project\": {\"id\": \"pr-1\"}}");

        new KeystoneProjectWriter(client.context()).create(request("Default"));

        assertThat(client.body("POST", "/projects").path("project").path("domain_id").asText()).isEqualTo("default");
    }

    @Test
    void create_inADomainTheDestinationLacks_isNotFoundNamingTheFix() {
        RecordingClient client = RecordingClient.admin()
                .answer("GET", ServiceType.IDENTITY, "/domains/d-src", new SkyliftException(ErrorCode.NOT_FOUND, "HTTP 404"))
                .answer("GET", ServiceType.IDENTITY, "/domains?name=d-src", "{\"domains\": []}");

        assertThatThrownBy(() -> new KeystoneProjectWriter(client.context()).create(request("d-src")))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("domain d-src (params.domain of project:pfx-demo) is neither the id nor the name of a domain")
                .hasMessageContaining("openstack domain create d-src");
        assertThat(client.requests()).noneMatch(request -> request.startsWith("POST"));
    }

    /** Keystone refusing the create with {@code refusal}, and listing {@code named} as its projects named pfx-demo. */
    private static RecordingClient refusing(SkyliftException refusal, String named) {
        return RecordingClient.admin()
                .answer("GET", ServiceType.IDENTITY, "/domains/default", "{\"domain\": {\"id\": \"default\"}}")
                .answer("POST", ServiceType.IDENTITY, "/projects", refusal)
                .answer("GET", ServiceType.IDENTITY, "/projects?name=pfx-demo", "{\"projects\": [" + named + "]}");
    }

    @Test
    void create_whenTheNameIsTaken_isAlreadyExistsSayingToPrefixOrDelete() {
        RecordingClient client = refusing(new SkyliftException(ErrorCode.CLOUD_REJECTED,
                "Keystone refused POST /v3/projects (HTTP 409): it is not permitted to have two projects with either the same name"),
                "{\"id\": \"theirs\", \"name\": \"pfx-demo\"}");

        assertThatThrownBy(() -> new KeystoneProjectWriter(client.context()).create(request("default")))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessageContaining("project pfx-demo exists at the destination, but not with this import's tag skylift-source:src-project~1a2b3c4d")
                .hasMessageContaining("import under a name prefix");
    }

    @Test
    void create_whenKeystoneRefusesForAnotherReason_passesTheRefusalOn() {
        SkyliftException refusal = new SkyliftException(ErrorCode.CLOUD_REJECTED, "Keystone refused POST /v3/projects (HTTP 400)");

        assertThatThrownBy(() -> new KeystoneProjectWriter(refusing(refusal, "").context()).create(request("default"))).isSameAs(refusal);
    }

    @Test
    void find_takesTheProjectWithTheMarkersTag() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, TAGGED,
                "{\"projects\": [{\"id\": \"pr-1\", \"name\": \"pfx-demo\"}]}");

        assertThat(new KeystoneProjectWriter(client.context()).find(request("default"))).contains("pr-1");
    }

    @Test
    void find_withoutATaggedProject_isEmpty() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, TAGGED, "{\"projects\": []}");

        assertThat(new KeystoneProjectWriter(client.context()).find(request("default"))).isEmpty();
    }

    @Test
    void find_withTwoTaggedProjects_refusesToGuess() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, TAGGED,
                "{\"projects\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}");

        assertThatThrownBy(() -> new KeystoneProjectWriter(client.context()).find(request("default")))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessageContaining("2 of the destination's projects have the tag skylift-source:src-project~1a2b3c4d (ids a, b)");
    }

    @Test
    void lookup_findsTheProjectByName() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, "/projects?name=demo",
                "{\"projects\": [{\"id\": \"pr-demo\", \"name\": \"demo\"}]}");

        assertThat(new KeystoneProjectWriter(client.context()).lookup(ResourceRef.global(ResourceType.PROJECT, "demo"))).contains("pr-demo");
    }

    @Test
    void delete_deletesAndSeesItGone() {
        RecordingClient client = RecordingClient.admin();

        new KeystoneProjectWriter(client.context()).delete("pr-1");

        assertThat(client.requests()).containsExactly("DELETE /projects/pr-1", "GET /projects/pr-1");
    }

    @Test
    void delete_ofAProjectAlreadyGone_isFine() {
        RecordingClient client = RecordingClient.admin().answer("DELETE", ServiceType.IDENTITY, "/projects/pr-1",
                new SkyliftException(ErrorCode.NOT_FOUND, "HTTP 404"));

        new KeystoneProjectWriter(client.context()).delete("pr-1");

        assertThat(client.requests()).containsExactly("DELETE /projects/pr-1");
    }
}
