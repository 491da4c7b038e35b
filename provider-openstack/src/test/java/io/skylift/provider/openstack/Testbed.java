package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.spi.ConnectionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The two testbed clouds, read from the testbed's clouds.yaml ({@code SKYLIFT_TESTBED_CLOUDS},
 * default {@code /var/lib/skylift-testbed/clouds.yaml}). Integration tests fail, not skip, when
 * it is missing or the clouds do not answer: a silent skip would pass a broken build.
 */
final class Testbed {

    static final Path CLOUDS = Path.of(System.getenv().getOrDefault("SKYLIFT_TESTBED_CLOUDS", "/var/lib/skylift-testbed/clouds.yaml"));
    static final Set<String> SECRETS = Set.of("password", "application_credential_secret");

    private Testbed() {}

    static OpenStackProviderFactory factory() {
        assertThat(CLOUDS).as("the testbed's clouds.yaml; run testbed/up or set SKYLIFT_TESTBED_CLOUDS").isRegularFile();
        Path nowhere = Path.of("/nonexistent-skylift-home");
        return new OpenStackProviderFactory(new CloudsYaml(Map.of("OS_CLIENT_CONFIG_FILE", CLOUDS.toString()), nowhere, nowhere));
    }

    static ConnectionInfo connection(String cloud) {
        return new ConnectionInfo(factory().connectionFromNamedCloud(cloud), SECRETS);
    }

    static boolean exists() {
        return Files.isRegularFile(CLOUDS);
    }
}
