package io.skylift.provider.openstack.client;

import static io.skylift.provider.openstack.client.FakeCloud.Response.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenStackClientTest {

    private final FakeCloud cloud = new FakeCloud();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stop() {
        cloud.close();
    }

    private OpenStackClient client() {
        return cloud.client().sleeper(sleeper).build();
    }

    private static List<String> names(List<JsonNode> items) {
        return items.stream().map(item -> item.path("name").asText()).toList();
    }

    @Test
    void get_sendsTokenMicroversionAndPathAfterCatalogUrl() {
        cloud.route("GET", "/compute/v2.1/servers/x", json(200, "{\"server\": {\"id\": \"x\"}}"));
        try (OpenStackClient client = client()) {
            assertThat(client.get(ServiceType.COMPUTE, "/servers/x").path("server").path("id").asText()).isEqualTo("x");
        }
        FakeCloud.Request request = cloud.requestsTo("/compute/v2.1/servers/x").getFirst();
        assertThat(request.token()).isEqualTo("token-1");
        assertThat(request.headers().getFirst("OpenStack-API-Version")).isEqualTo("compute 2.79");
    }

    @Test
    void tokenTimes_areReadWithTheirZone_orAsUtcWithout() {
        // Without the zone: a token cut short by its application credential's expiry (seen on Zed).
        assertThat(HttpOpenStackClient.keystoneTime("2026-12-02T06:18:35")).isEqualTo(Instant.parse("2026-12-02T06:18:35Z"));
        assertThat(HttpOpenStackClient.keystoneTime("2026-12-02T07:18:24.000000Z")).isEqualTo(Instant.parse("2026-12-02T07:18:24Z"));
    }

    @Test
    void get_imageAndNetworkPathsCarryTheirVersion() {
        cloud.route("GET", "/image/v2/images/i", json(200, "{\"id\": \"i\"}"));
        cloud.route("GET", "/network/v2.0/ports/p", json(200, "{\"port\": {}}"));
        try (OpenStackClient client = client()) {
            assertThat(client.get(ServiceType.IMAGE, "/v2/images/i").path("id").asText()).isEqualTo("i");
            assertThat(client.get(ServiceType.NETWORK, "/v2.0/ports/p").has("port")).isTrue();
        }
        assertThat(cloud.requestsTo("/image/v2/images/i").getFirst().headers().getFirst("OpenStack-API-Version")).isNull();
    }

    @Test
    void session_reportsWhoWeAreWithoutTheToken() {
        try (OpenStackClient client = client()) {
            Session session = client.session();
            assertThat(session.userName()).isEqualTo("demo");
            assertThat(session.project()).contains(new Session.NamedId("p1", "demo"));
            assertThat(session.roles()).containsExactly("member");
            assertThat(session.isAdmin()).isFalse();
            assertThat(session.toString()).doesNotContain("token-1");
            assertThat(client.endpoint(ServiceType.BLOCK_STORAGE).url()).isEqualTo(URI.create(cloud.base() + "/volume/v3/p1"));
        }
        String authBody = cloud.requestsTo("/identity/v3/auth/tokens").getFirst().body();
        assertThat(authBody).contains("\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}");
    }

    @Test
    void endpointInterface_internal_usesInternalUrls() {
        cloud.route("GET", "/compute/v2.1/flavors", json(200, "{\"flavors\": []}"));
        try (OpenStackClient client = cloud.client().endpointInterface(EndpointInterface.INTERNAL).build()) {
            assertThat(client.endpoint(ServiceType.COMPUTE).url().getHost()).isEqualTo("localhost");
            assertThat(client.list(ServiceType.COMPUTE, "/flavors", "flavors")).isEmpty();
        }
    }

    @Test
    void list_followsNovaLinks() {
        String next = cloud.base() + "/compute/v2.1/servers/detail?limit=2&marker=b";
        cloud.route("GET", "/compute/v2.1/servers/detail", request -> request.uri().getQuery().contains("marker=b")
                ? json(200, "{\"servers\": [{\"name\": \"c\"}]}")
                : json(200, "{\"servers\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"servers_links\": [{\"rel\": \"next\", \"href\": \"" + next + "\"}]}"));
        try (OpenStackClient client = client()) {
            assertThat(names(client.list(ServiceType.COMPUTE, "/servers/detail?limit=2", "servers"))).containsExactly("a", "b", "c");
        }
    }

    @Test
    void list_followsGlanceRelativeNext() {
        cloud.route("GET", "/image/v2/images", request -> request.uri().getQuery() != null && request.uri().getQuery().contains("marker=i1")
                ? json(200, "{\"images\": [{\"name\": \"two\"}], \"first\": \"/v2/images\"}")
                : json(200, "{\"images\": [{\"name\": \"one\", \"id\": \"i1\"}], \"next\": \"/v2/images?marker=i1\"}"));
        try (OpenStackClient client = client()) {
            assertThat(names(client.list(ServiceType.IMAGE, "/v2/images", "images"))).containsExactly("one", "two");
        }
    }

    @Test
    void list_withoutLinks_pagesByMarkerWhileFull() {
        cloud.route("GET", "/volume/v3/p1/volumes", request -> {
            String query = request.uri().getQuery();
            if (query.contains("marker=v2")) {
                return json(200, "{\"volumes\": [{\"id\": \"v3\", \"name\": \"c\"}]}");
            }
            return json(200, "{\"volumes\": [{\"id\": \"v1\", \"name\": \"a\"}, {\"id\": \"v2\", \"name\": \"b\"}]}");
        });
        try (OpenStackClient client = client()) {
            assertThat(names(client.list(ServiceType.BLOCK_STORAGE, "/volumes?limit=2", "volumes"))).containsExactly("a", "b", "c");
        }
        assertThat(cloud.requestsTo("/volume/v3/p1/volumes")).hasSize(2);
    }

    @Test
    void list_repeatedNextLink_stopsInsteadOfLooping() {
        String self = cloud.base() + "/network/v2.0/ports?limit=1";
        cloud.route("GET", "/network/v2.0/ports", json(200, "{\"ports\": [{\"name\": \"p\"}], \"ports_links\": [{\"rel\": \"next\", \"href\": \"" + self + "\"}]}"));
        try (OpenStackClient client = client()) {
            assertThatThrownBy(() -> client.list(ServiceType.NETWORK, "/v2.0/ports?limit=1", "ports"))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageContaining("Neutron pointed to page " + self + " twice")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.CLOUD_REJECTED);
        }
    }

    @Test
    void pages_areFetchedOnlyWhenAskedFor() {
        String next = cloud.base() + "/network/v2.0/networks?marker=n1";
        cloud.route("GET", "/network/v2.0/networks", json(200, "{\"networks\": [{\"id\": \"n1\"}], \"networks_links\": [{\"rel\": \"next\", \"href\": \"" + next + "\"}]}"),
                json(200, "{\"networks\": [{\"id\": \"n2\"}]}"));
        try (OpenStackClient client = client()) {
            assertThat(client.pages(ServiceType.NETWORK, "/v2.0/networks", "networks").findFirst()).isPresent();
        }
        assertThat(cloud.requestsTo("/network/v2.0/networks")).hasSize(1);
    }

    @Test
    void get_serverErrorThenSuccess_retriesAfterBackoff() {
        cloud.route("GET", "/compute/v2.1/flavors/f", json(503, "{\"message\": \"busy\"}"), json(502, ""), json(200, "{\"flavor\": {}}"));
        try (OpenStackClient client = client()) {
            assertThat(client.get(ServiceType.COMPUTE, "/flavors/f").has("flavor")).isTrue();
        }
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(sleeper.waits.get(1)).isLessThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void get_rateLimited_waitsWhatRetryAfterSays() {
        cloud.route("GET", "/compute/v2.1/flavors/f", json(429, "{\"message\": \"slow down\"}").withHeader("Retry-After", "2"), json(200, "{}"));
        try (OpenStackClient client = client()) {
            client.get(ServiceType.COMPUTE, "/flavors/f");
        }
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void get_retryAfterBeyondMaxDelay_givesUpAsRateLimited() {
        cloud.route("GET", "/compute/v2.1/flavors/f", json(429, "{\"message\": \"slow down\"}").withHeader("Retry-After", "3600"));
        try (OpenStackClient client = client()) {
            assertThatThrownBy(() -> client.get(ServiceType.COMPUTE, "/flavors/f"))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageContaining("HTTP 429")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        }
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void post_serverError_isNotRetried() {
        cloud.route("POST", "/compute/v2.1/servers", json(500, "{\"computeFault\": {\"message\": \"boom\", \"code\": 500}}"), json(202, "{}"));
        try (OpenStackClient client = client()) {
            assertThatThrownBy(() -> client.post(ServiceType.COMPUTE, "/servers", FakeCloud.JSON.createObjectNode()))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageContaining("boom")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.CLOUD_UNAVAILABLE);
        }
        assertThat(cloud.requestsTo("/compute/v2.1/servers")).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void get_failingEveryTime_givesUpAfterMaxAttemptsNamingTheLastRequest() {
        cloud.route("GET", "/compute/v2.1/flavors/f", json(503, "{\"message\": \"down for maintenance\"}"));
        try (OpenStackClient client = cloud.client().sleeper(sleeper).retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1))).build()) {
            assertThatThrownBy(() -> client.get(ServiceType.COMPUTE, "/flavors/f"))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessage("Nova refused GET " + cloud.base() + "/compute/v2.1/flavors/f (HTTP 503, request req-4, after 3 attempts): "
                            + "down for maintenance: the service failed; its log has the details under req-4");
        }
        assertThat(cloud.requestsTo("/compute/v2.1/flavors/f")).hasSize(3);
    }

    @Test
    void get_notFound_carriesNeutronMessageAndRequestId() {
        cloud.route("GET", "/network/v2.0/networks/n", json(404, "{\"NeutronError\": {\"type\": \"NetworkNotFound\", \"message\": \"Network n could not be found.\", \"detail\": \"\"}}"));
        try (OpenStackClient client = client()) {
            assertThatThrownBy(() -> client.get(ServiceType.NETWORK, "/v2.0/networks/n"))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessage("Neutron refused GET " + cloud.base() + "/network/v2.0/networks/n (HTTP 404, request req-2): Network n could not be found.")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Test
    void get_connectionRefused_isUnreachableAfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        cloud.extraCatalogJson = "," + FakeCloud.service("placement", "http://127.0.0.1:" + closedPort + "/placement");
        try (OpenStackClient client = client()) {
            assertThatThrownBy(() -> client.get(ServiceType.PLACEMENT, "/resource_providers"))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageStartingWith("cannot connect to Placement at http://127.0.0.1:" + closedPort + "/placement/resource_providers")
                    .hasMessageContaining("after 4 attempts")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.UNREACHABLE);
        }
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void get_slowAnswer_isTimeout() {
        cloud.route("GET", "/compute/v2.1/slow", request -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json(200, "{}");
        });
        try (OpenStackClient client = cloud.client().sleeper(sleeper).retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(() -> client.get(ServiceType.COMPUTE, "/slow"))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageStartingWith("Nova did not answer GET " + cloud.base() + "/compute/v2.1/slow in time")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.TIMEOUT);
        }
    }

    @Test
    void token_nearExpiry_isReplacedBeforeTheCall() {
        cloud.tokenLifetime = Duration.ofSeconds(180);
        cloud.route("GET", "/compute/v2.1/flavors", json(200, "{\"flavors\": []}"));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        try (OpenStackClient client = cloud.client().sleeper(sleeper).clock(clock).build()) {
            client.get(ServiceType.COMPUTE, "/flavors");
            clock.advance(Duration.ofSeconds(161));
            client.get(ServiceType.COMPUTE, "/flavors");
            assertThat(client.authentications()).isEqualTo(1);
            // 18 s (a tenth of 180 s) before expiry the token is replaced.
            clock.advance(Duration.ofSeconds(1));
            client.get(ServiceType.COMPUTE, "/flavors");
            assertThat(client.authentications()).isEqualTo(2);
        }
        assertThat(cloud.requestsTo("/compute/v2.1/flavors").stream().map(FakeCloud.Request::token)).containsExactly("token-1", "token-1", "token-2");
        assertThat(cloud.requestsTo("/identity/v3/auth/tokens")).hasSize(2);
    }

    @Test
    void token_refusedOnce_isReplacedAndTheCallRepeated() {
        cloud.route("GET", "/compute/v2.1/flavors", json(200, "{\"flavors\": [{\"name\": \"m1\"}]}"));
        try (OpenStackClient client = client()) {
            client.session();
            cloud.revokeTokens();
            assertThat(names(client.list(ServiceType.COMPUTE, "/flavors", "flavors"))).containsExactly("m1");
            assertThat(client.authentications()).isEqualTo(2);
        }
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void post_refusedToken_isRepeatedOnceWithFreshToken() {
        cloud.route("POST", "/compute/v2.1/os-keypairs", json(200, "{\"keypair\": {}}"));
        try (OpenStackClient client = client()) {
            client.session();
            cloud.revokeTokens();
            assertThat(client.post(ServiceType.COMPUTE, "/os-keypairs", FakeCloud.JSON.createObjectNode()).has("keypair")).isTrue();
        }
        assertThat(cloud.requestsTo("/compute/v2.1/os-keypairs").stream().map(FakeCloud.Request::token)).containsExactly("token-1", "token-2");
    }

    @Test
    void token_refusedTwice_isAuthenticationFailed() {
        cloud.route("GET", "/compute/v2.1/flavors", json(401, "{\"error\": {\"message\": \"nope\"}}"));
        try (OpenStackClient client = client()) {
            assertThatThrownBy(() -> client.get(ServiceType.COMPUTE, "/flavors"))
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageContaining("Nova refused GET " + cloud.base() + "/compute/v2.1/flavors (HTTP 401")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(client.authentications()).isEqualTo(2);
        }
    }

    @Test
    void authenticate_wrongPassword_namesUserAndFixButNotThePassword() {
        try (OpenStackClient client = OpenStackClient.builder(cloud.authUrl(), new Credential.Password(IdentityRef.name("demo", IdentityRef.name("Default")), "wrong-pw"))
                .origin("clouds.yaml entry test-cloud").build()) {
            assertThatThrownBy(client::session)
                    .isInstanceOf(SkyliftException.class)
                    .hasMessage("Keystone at " + cloud.authUrl() + " refused user demo (HTTP 401, request req-1: The request you have made requires authentication.): "
                            + "check the user name, its domain and the password (clouds.yaml entry test-cloud)")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void authUrl_withoutVersion_getsV3() {
        try (OpenStackClient client = OpenStackClient.builder(URI.create(cloud.base() + "/identity/"), new Credential.Password(IdentityRef.id("u1"), FakeCloud.PASSWORD)).build()) {
            assertThat(client.session().userId()).isEqualTo("u1");
        }
    }

    @Test
    void authUrl_v2_isRejectedWithTheV3Url() {
        assertThatThrownBy(() -> OpenStackClient.builder(URI.create("http://keystone:5000/v2.0"), new Credential.Password(IdentityRef.id("u"), "p")).build())
                .isInstanceOf(SkyliftException.class)
                .hasMessageContaining("use the v3 URL, such as http://keystone:5000/v3");
    }

    @Test
    void credentials_neverShowSecretsInToString() {
        assertThat(new Credential.Password(IdentityRef.id("u"), "pw-123").toString()).doesNotContain("pw-123");
        assertThat(new Credential.ApplicationCredential(IdentityRef.id("a"), java.util.Optional.empty(), "sec-456").toString()).doesNotContain("sec-456");
    }

    @Test
    void applicationCredential_isSentWithoutScope() {
        Credential credential = new Credential.ApplicationCredential(IdentityRef.name("ci", IdentityRef.name("Default")),
                java.util.Optional.of(IdentityRef.name("demo", IdentityRef.name("Default"))), "sec");
        assertThat(credential.identity().toString()).isEqualTo(
                "{\"methods\":[\"application_credential\"],\"application_credential\":{\"name\":\"ci\",\"user\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}},\"secret\":\"sec\"}}");
    }
}
