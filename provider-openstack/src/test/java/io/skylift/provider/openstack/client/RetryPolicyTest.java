package io.skylift.provider.openstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350));

    @Test
    void backoff_capDoublesUpToMaxDelay() {
        assertThat(policy.backoff(1, () -> 1.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, () -> 1.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3, () -> 1.0)).isEqualTo(Duration.ofMillis(350));
        assertThat(policy.backoff(200, () -> 1.0)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void backoff_isAFullJitterShareOfTheCap() {
        assertThat(policy.backoff(2, () -> 0.25)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.backoff(2, () -> 0.0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void constructor_rejectsNonsenseNamingTheValue() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1: 0");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDelay PT1S is shorter than baseDelay PT2S");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("baseDelay must be positive: PT0S");
    }

    @Test
    void retryAfter_readsSecondsAndHttpDates() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse(Optional.of("7"), clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Optional.of("Sun, 22 Nov 2026 10:00:30 GMT"), clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("Sun, 22 Nov 2026 09:00:00 GMT"), clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
    }

    @Test
    void token_isReplacedWhenATenthOfItsLifetimeOrAMinuteRemains() {
        Instant received = Instant.parse("2026-11-22T10:00:00Z");
        Session shortLived = session(Duration.ofSeconds(180));
        assertThat(Token.received("t", shortLived, received).refreshAt()).isEqualTo(received.plusSeconds(162));
        Session hourLong = session(Duration.ofHours(1));
        assertThat(Token.received("t", hourLong, received).refreshAt()).isEqualTo(received.plusSeconds(3540));
        assertThat(Token.received("secret-token", hourLong, received).toString()).doesNotContain("secret-token");
    }

    private static Session session(Duration lifetime) {
        Instant issued = Instant.parse("2020-01-01T00:00:00Z");
        return new Session("u", "demo", Optional.empty(), Optional.empty(), java.util.List.of(), issued, issued.plus(lifetime),
                new ServiceCatalog(java.util.List.of()));
    }
}
