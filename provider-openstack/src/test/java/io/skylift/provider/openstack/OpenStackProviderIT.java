package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.SkyliftException;
import java.util.HashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OpenStackProviderIT {

    private final OpenStackProviderFactory factory = Testbed.factory();

    @ParameterizedTest
    @CsvSource({
        "skylift-src, admin, yes, http://127.0.0.1:8774/v2.1",
        "skylift-src-demo, demo, no, http://127.0.0.1:8774/v2.1",
        "skylift-dst, admin, yes, http://127.0.0.1:8874/v2.1",
        "skylift-dst-demo, demo, no, http://127.0.0.1:8874/v2.1"})
    void validate_passwordFromCloudsYaml_reportsUserProjectAndServices(String cloud, String user, String admin, String compute) {
        try (Provider provider = factory.connect(Testbed.connection(cloud))) {
            SequencedMap<String, String> facts = provider.validate();
            assertThat(facts.get("user")).startsWith(user + " (");
            assertThat(facts.get("project")).startsWith(user + " (");
            assertThat(facts.get("admin")).isEqualTo(admin);
            assertThat(facts.get("regions")).isEqualTo("RegionOne");
            assertThat(facts.get("compute")).isEqualTo(compute + " (answers)");
            assertThat(facts).containsKeys("identity", "image", "network", "block-storage");
        }
    }

    @Test
    void validate_applicationCredentialByIdAndByName_authenticatesAsItsProject() {
        ConnectionInfo demo = Testbed.connection("skylift-src-demo");
        try (OpenStackProvider provider = (OpenStackProvider) factory.connect(demo)) {
            OpenStackClient client = provider.client();
            String userId = client.session().userId();
            String name = "skylift-it-" + UUID.randomUUID();
            ObjectNode body = new ObjectMapper().createObjectNode();
            body.putObject("application_credential").put("name", name).put("description", "Skylift integration test; deleted by the test");
            JsonNode created = client.post(io.skylift.provider.openstack.ServiceType.IDENTITY, "/users/" + userId + "/application_credentials", body)
                    .path("application_credential");
            String id = created.path("id").asText();
            try {
                Map<String, Object> byId = Map.of("auth_url", "http://127.0.0.1:5000/v3", "application_credential_id", id,
                        "application_credential_secret", created.path("secret").asText(), "region_name", "RegionOne");
                try (Provider withCredential = factory.connect(new ConnectionInfo(byId, Testbed.SECRETS))) {
                    assertThat(withCredential.validate().get("project")).startsWith("demo (");
                }
                Map<String, Object> byName = Map.of("auth_url", "http://127.0.0.1:5000/v3", "application_credential_name", name,
                        "username", "demo", "user_domain_name", "Default", "application_credential_secret", created.path("secret").asText());
                try (Provider withCredential = factory.connect(new ConnectionInfo(byName, Testbed.SECRETS))) {
                    assertThat(withCredential.validate().get("user")).isEqualTo("demo (" + userId + ")");
                }
            } finally {
                client.delete(io.skylift.provider.openstack.ServiceType.IDENTITY, "/users/" + userId + "/application_credentials/" + id);
            }
        }
    }

    @Test
    void validate_wrongPassword_isAuthenticationFailedNamingUserAndCloudsYamlEntry() {
        Map<String, Object> values = new HashMap<>(Testbed.connection("skylift-src-demo").values());
        values.put("password", "not-the-password");
        try (Provider provider = factory.connect(new ConnectionInfo(values, Testbed.SECRETS))) {
            assertThatThrownBy(provider::validate)
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageStartingWith("Keystone at http://127.0.0.1:5000/v3 refused user demo (HTTP 401, request req-")
                    .hasMessageEndingWith("check the user name, its domain and the password (clouds.yaml entry skylift-src-demo)")
                    .hasMessageNotContaining("not-the-password")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void validate_unreachableKeystone_isUnreachable() {
        Map<String, Object> values = new HashMap<>(Testbed.connection("skylift-src-demo").values());
        values.put("auth_url", "http://127.0.0.1:1/v3");
        try (Provider provider = factory.connect(new ConnectionInfo(values, Testbed.SECRETS))) {
            assertThatThrownBy(provider::validate)
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageStartingWith("cannot connect to Keystone at http://127.0.0.1:1/v3/auth/tokens")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.UNREACHABLE);
        }
    }

    @Test
    void connectionFromNamedCloud_unknownCloud_listsTheCloudsThere() {
        assertThatThrownBy(() -> factory.connectionFromNamedCloud("no-such-cloud"))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("no cloud 'no-such-cloud' in " + Testbed.CLOUDS + " (clouds there: skylift-src, skylift-src-demo, skylift-dst, skylift-dst-demo)")
                .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
