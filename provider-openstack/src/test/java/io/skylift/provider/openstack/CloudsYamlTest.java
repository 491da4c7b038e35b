package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudsYamlTest {

    @TempDir
    Path work;

    @TempDir
    Path home;

    private static final String CLOUDS = """
            clouds:
              lab:
                auth:
                  auth_url: https://keystone.lab:5000/v3
                  username: alice
                  user_domain_name: Default
                  project_name: web
                  project_domain_name: Default
                region_name: RegionTwo
                interface: internalURL
                cacert: /etc/ssl/lab-ca.pem
              test:
                auth_type: v3applicationcredential
                auth:
                  auth_url: http://127.0.0.1:5000/v3
                  application_credential_id: ac1
                  application_credential_secret: s3
                verify: false
                regions: [RegionOne]
            """;

    private CloudsYaml cloudsYaml(Map<String, String> environment) {
        return new CloudsYaml(environment, work, home);
    }

    @Test
    void connection_mapsAuthRegionInterfaceAndCacert() throws IOException {
        Files.writeString(work.resolve("clouds.yaml"), CLOUDS);
        Files.createDirectories(home.resolve(".config/openstack"));
        Files.writeString(home.resolve(".config/openstack/secure.yaml"), "clouds:\n  lab:\n    auth:\n      password: from-secure\n");
        assertThat(cloudsYaml(Map.of()).connection("lab")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cloud", "lab",
                "auth_url", "https://keystone.lab:5000/v3",
                "username", "alice",
                "user_domain_name", "Default",
                "project_name", "web",
                "project_domain_name", "Default",
                "password", "from-secure",
                "region_name", "RegionTwo",
                "interface", "internal",
                "cacert", "/etc/ssl/lab-ca.pem"));
    }

    @Test
    void connection_verifyFalse_isInsecure_andSingleRegionIsTaken() throws IOException {
        Files.writeString(work.resolve("clouds.yaml"), CLOUDS);
        Map<String, Object> test = cloudsYaml(Map.of()).connection("test");
        assertThat(test).containsEntry("insecure", true).containsEntry("region_name", "RegionOne").containsEntry("application_credential_id", "ac1");
    }

    @Test
    void connection_osClientConfigFile_winsOverTheOtherPlaces() throws IOException {
        Files.writeString(work.resolve("clouds.yaml"), CLOUDS);
        Path chosen = Files.writeString(home.resolve("chosen.yaml"), "clouds:\n  only:\n    auth:\n      auth_url: http://chosen:5000/v3\n");
        CloudsYaml cloudsYaml = cloudsYaml(Map.of("OS_CLIENT_CONFIG_FILE", chosen.toString()));
        assertThat(cloudsYaml.connection("only")).containsEntry("auth_url", "http://chosen:5000/v3");
        assertThatThrownBy(() -> cloudsYaml.connection("lab"))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("no cloud 'lab' in " + chosen + " (clouds there: only)")
                .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void connection_onlyTheFirstFileFoundIsRead() throws IOException {
        Files.writeString(work.resolve("clouds.yaml"), "clouds:\n  here: {auth: {auth_url: 'http://here/v3'}}\n");
        Files.createDirectories(home.resolve(".config/openstack"));
        Files.writeString(home.resolve(".config/openstack/clouds.yaml"), CLOUDS);
        assertThatThrownBy(() -> cloudsYaml(Map.of()).connection("lab"))
                .hasMessage("no cloud 'lab' in " + work.resolve("clouds.yaml") + " (clouds there: here)");
    }

    @Test
    void connection_unsupportedAuthType_saysWhichAreSupported() throws IOException {
        Files.writeString(work.resolve("clouds.yaml"), "clouds:\n  sso:\n    auth_type: v3oidcpassword\n    auth: {auth_url: 'http://k/v3'}\n");
        assertThatThrownBy(() -> cloudsYaml(Map.of()).connection("sso"))
                .isInstanceOf(SkyliftException.class)
                .hasMessageContaining("has auth_type v3oidcpassword: Skylift authenticates with password or v3applicationcredential");
    }

    @Test
    void environment_mapsOsVariables() {
        Map<String, Object> connection = new EnvironmentToConnection(cloudsYaml(Map.of())).convert(Map.of(
                "OS_AUTH_URL", "http://k:5000/v3",
                "OS_USERNAME", "demo",
                "OS_PASSWORD", "pw",
                "OS_USER_DOMAIN_NAME", "Default",
                "OS_PROJECT_NAME", "demo",
                "OS_PROJECT_DOMAIN_NAME", "Default",
                "OS_REGION_NAME", "RegionOne",
                "OS_INTERFACE", "public",
                "OS_INSECURE", "true",
                "HOME", "/root"));
        assertThat(connection).containsExactlyInAnyOrderEntriesOf(Map.of(
                "auth_url", "http://k:5000/v3", "username", "demo", "password", "pw", "user_domain_name", "Default",
                "project_name", "demo", "project_domain_name", "Default", "region_name", "RegionOne", "interface", "public", "insecure", true));
    }

    @Test
    void environment_osCloud_startsFromTheCloudAndVariablesOverride() throws IOException {
        Files.writeString(work.resolve("clouds.yaml"), CLOUDS);
        Map<String, Object> connection = new EnvironmentToConnection(cloudsYaml(Map.of()))
                .convert(Map.of("OS_CLOUD", "lab", "OS_PASSWORD", "from-env", "OS_REGION_NAME", "RegionThree"));
        assertThat(connection).containsEntry("cloud", "lab").containsEntry("username", "alice")
                .containsEntry("password", "from-env").containsEntry("region_name", "RegionThree");
    }

    @Test
    void environment_applicationCredentialVariables() {
        Map<String, Object> connection = new EnvironmentToConnection(cloudsYaml(Map.of())).convert(Map.of(
                "OS_AUTH_URL", "http://k/v3", "OS_APPLICATION_CREDENTIAL_ID", "ac", "OS_APPLICATION_CREDENTIAL_SECRET", "s", "OS_TENANT_NAME", "old"));
        assertThat(connection).containsEntry("application_credential_id", "ac").containsEntry("application_credential_secret", "s")
                .containsEntry("project_name", "old");
    }
}
