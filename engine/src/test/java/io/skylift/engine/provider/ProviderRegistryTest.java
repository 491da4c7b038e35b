package io.skylift.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.engine.FakeProviderFactory;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SkyliftException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    @Test
    void all_isOrderedByName() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(FakeProviderFactory.withInventory(), FakeProviderFactory.bare()));

        assertThat(registry.all()).extracting(ProviderFactory::name).containsExactly("bare", "fake");
    }

    @Test
    void get_unknownProvider_namesTheKnownOnes() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(FakeProviderFactory.withInventory(), FakeProviderFactory.bare()));

        assertThatThrownBy(() -> registry.get("aws"))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("unknown provider 'aws': known providers: bare, fake");
    }

    @Test
    void get_withNoProviders_saysNoneAreInstalled() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of()).get("openstack"))
                .hasMessage("unknown provider 'openstack': no providers are installed");
    }

    @Test
    void of_rejectsTwoProvidersWithOneName() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(FakeProviderFactory.bare(), FakeProviderFactory.bare())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("two providers are named 'bare'");
    }

    @Test
    void installed_findsNoneWhenNoneAreOnTheClassPath() {
        // The engine's tests register no provider through META-INF/services.
        assertThat(ProviderRegistry.installed().all()).isEmpty();
    }
}
