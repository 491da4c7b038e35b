package io.skylift.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HomeTest {

    @Test
    void resolve_prefersTheOptionOverTheEnvironment() {
        Home home = Home.resolve(Optional.of(Path.of("/opt/a")), Map.of("SKYLIFT_HOME", "/opt/b"));

        assertThat(home.directory()).isEqualTo(Path.of("/opt/a"));
        assertThat(home.secretKeyFile()).isEqualTo(Path.of("/opt/a/secret.key"));
        assertThat(home.databaseUrl()).isEqualTo("jdbc:h2:file:/opt/a/skylift");
    }

    @Test
    void resolve_usesTheEnvironmentWithoutAnOption() {
        assertThat(Home.resolve(Optional.empty(), Map.of("SKYLIFT_HOME", "/opt/b")).directory()).isEqualTo(Path.of("/opt/b"));
    }

    @Test
    void resolve_defaultsToDotSkyliftInTheUsersHome() {
        assertThat(Home.resolve(Optional.empty(), Map.of()).directory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".skylift").toAbsolutePath());
    }

    @Test
    void resolve_takesTheDatabaseUrlFromTheEnvironment() {
        Home home = Home.resolve(Optional.empty(), Map.of("SKYLIFT_HOME", "/opt/b", "SKYLIFT_DATABASE_URL", "jdbc:postgresql://db/skylift"));

        assertThat(home.databaseUrl()).isEqualTo("jdbc:postgresql://db/skylift");
        assertThat(home.secretKeyFile()).isEqualTo(Path.of("/opt/b/secret.key"));
    }
}
