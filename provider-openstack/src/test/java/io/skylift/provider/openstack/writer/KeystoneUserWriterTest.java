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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeystoneUserWriterTest {

    private static final ResourceRef REF = ResourceRef.global(ResourceType.USER, "alice");
    private static final ResourceRef PROJECT = ResourceRef.global(ResourceType.PROJECT, "demo");
    private static final String PASSWORD = "pa\"ss-W0rd-7f3e";

    /** As KeystoneUserToResource reads a user with a default project, with the password the engine adds. */
    private static WriteRequest request(Optional<String> password) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("description", "Alice", "email", "alice@example.org", "enabled", true,
                "domain", "default"));
        password.ifPresent(secret -> params.put("password", secret));
        Resource user = new Resource(REF, params, Map.of("default_project", List.of(PROJECT)), Map.of("id", "src-user"), Map.of());
        return new WriteRequest(user, Map.of(PROJECT, "pr-1"), "src-user", Optional.empty());
    }

    private static RecordingClient keystone() {
        return RecordingClient.admin()
                .answer("GET", ServiceType.IDENTITY, "/domains/default", "{\"domain\": {\"id\": \"default\", \"name\": \"Default\"}}");
    }

    @Test
    void create_postsTheFieldsTheDefaultProjectAndThePassword() {
        RecordingClient client = keystone().answer("POST", ServiceType.IDENTITY, "/users", "{\"user\": {\"id\": \"us-1\"}}");

        assertThat(new KeystoneUserWriter(client.context()).create(request(Optional.of(PASSWORD)))).isEqualTo("us-1");

        assertThat(client.body("POST", "/users")).isEqualTo(RecordingClient.json("""
                {"user": {"name": "alice", "description": "Alice", "email": "alice@example.org", "enabled": true, "domain_id": "default",
                          "default_project_id": "pr-1", "password": "pa\\"ss-W0rd-7f3e"}}"""));
    }

    @Test
    void create_withoutAPassword_makesAUserWithoutOne() {
        RecordingClient client = keystone().answer("POST", ServiceType.IDENTITY, "/users", "{\"user\": {\"id\": \"us-1\"}}");

        new KeystoneUserWriter(client.context()).create(request(Optional.empty()));

        assertThat(client.body("POST", "/users").path("user").has("password")).isFalse();
    }

    @Test
    void create_whenKeystoneQuotesThePassword_masksItAndLeavesOutTheCause() {
        RecordingClient client = keystone().answer("POST", ServiceType.IDENTITY, "/users", new SkyliftException(ErrorCode.CLOUD_REJECTED,
                "Keystone refused POST /v3/users (HTTP 400): Invalid input for field 'user': On instance: {\"password\": \"pa\\\"ss-W0rd-7f3e\"}"
                        + " or 'pa\"ss-W0rd-7f3e'"));

        assertThatThrownBy(() -> new KeystoneUserWriter(client.context()).create(request(Optional.of(PASSWORD))))
                .isInstanceOfSatisfying(SkyliftException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED);
                    assertThat(e.getCause()).isNull();
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain("W0rd").contains("HTTP 400").contains("******");
                });
    }

    @Test
    void create_whenTheRefusalDoesNotQuoteThePassword_passesItOn() {
        SkyliftException refusal = new SkyliftException(ErrorCode.CLOUD_REJECTED, "Keystone refused POST /v3/users (HTTP 400): bad email");
        RecordingClient client = keystone().answer("POST", ServiceType.IDENTITY, "/users", refusal);

        assertThatThrownBy(() -> new KeystoneUserWriter(client.context()).create(request(Optional.of(PASSWORD)))).isSameAs(refusal);
    }

    @Test
    void find_takesTheUserOfThatNameInTheSameDomain() {
        RecordingClient client = keystone().answer("GET", ServiceType.IDENTITY, "/users?name=alice&domain_id=default",
                "{\"users\": [{\"id\": \"us-1\", \"name\": \"alice\"}]}");

        assertThat(new KeystoneUserWriter(client.context()).find(request(Optional.of(PASSWORD)))).contains("us-1");
    }

    @Test
    void find_withoutSuchAUser_isEmpty() {
        RecordingClient client = keystone().answer("GET", ServiceType.IDENTITY, "/users?name=alice&domain_id=default", "{\"users\": []}");

        assertThat(new KeystoneUserWriter(client.context()).find(request(Optional.empty()))).isEmpty();
    }

    @Test
    void lookup_withUsersOfThatNameInTwoDomains_refusesToGuess() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, "/users?name=alice",
                "{\"users\": [{\"id\": \"a\", \"name\": \"alice\"}, {\"id\": \"b\", \"name\": \"alice\"}]}");

        assertThatThrownBy(() -> new KeystoneUserWriter(client.context()).lookup(REF))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("2 of the destination's users are named 'alice' (ids a, b)");
    }

    @Test
    void delete_deletesAndSeesItGone() {
        RecordingClient client = RecordingClient.admin();

        new KeystoneUserWriter(client.context()).delete("us-1");

        assertThat(client.requests()).containsExactly("DELETE /users/us-1", "GET /users/us-1");
    }
}
