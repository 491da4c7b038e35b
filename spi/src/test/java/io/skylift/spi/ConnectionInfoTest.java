package io.skylift.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionInfoTest {

    private final ConnectionInfo info = new ConnectionInfo(
            Map.of("auth_url", "http://127.0.0.1:5000/v3", "username", "demo", "password", "s3cret!", "insecure", true),
            Set.of("password"));

    @Test
    void toString_masksSecrets() {
        assertThat(info.toString()).doesNotContain("s3cret!").contains("password=******").contains("username=demo");
    }

    @Test
    void redacted_keepsOtherValuesInKeyOrder() {
        assertThat(info.redacted()).containsExactly(
                Map.entry("auth_url", "http://127.0.0.1:5000/v3"),
                Map.entry("insecure", true),
                Map.entry("password", "******"),
                Map.entry("username", "demo"));
    }

    @Test
    void flag_readsBooleansAndStrings() {
        assertThat(info.flag("insecure")).isTrue();
        assertThat(info.flag("missing")).isFalse();
        assertThat(new ConnectionInfo(Map.of("insecure", "true"), Set.of()).flag("insecure")).isTrue();
    }

    @Test
    void values_areCopied() {
        Map<String, Object> values = new HashMap<>(Map.of("username", "demo"));
        ConnectionInfo copy = new ConnectionInfo(values, Set.of());
        values.put("username", "changed");
        assertThat(copy.requiredString("username")).isEqualTo("demo");
        assertThatThrownBy(() -> copy.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void schemaType_fromId_namesTheChoices() {
        assertThat(SchemaType.fromId("destination")).isEqualTo(SchemaType.DESTINATION);
        assertThatThrownBy(() -> SchemaType.fromId("target"))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("unknown schema type 'target': expected connection, source or destination");
    }
}
