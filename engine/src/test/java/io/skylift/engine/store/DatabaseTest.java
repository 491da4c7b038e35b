package io.skylift.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void redact_masksEveryPassword() {
        assertThat(Database.redact("jdbc:postgresql://db:5432/skylift?user=s&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/skylift?user=s&password=******&ssl=true");
        assertThat(Database.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=secret")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=******");
        assertThat(Database.redact("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }
}
