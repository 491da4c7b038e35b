package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.spi.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), 4);

    @Test
    void backoff_growsByCoefficientUpToMaximum() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void allowsRetry_onlyRetryableCodesWithinAttempts() {
        assertThat(policy.allowsRetry(ErrorCode.CLOUD_UNAVAILABLE, 1)).isTrue();
        assertThat(policy.allowsRetry(ErrorCode.CLOUD_UNAVAILABLE, 3)).isTrue();
        assertThat(policy.allowsRetry(ErrorCode.CLOUD_UNAVAILABLE, 4)).isFalse();
    }

    @Test
    void allowsRetry_neverForUserOrInternalErrors() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.category() != io.skylift.spi.ErrorCategory.EXTERNAL) {
                assertThat(policy.allowsRetry(code, 1)).as(code.name()).isFalse();
            }
        }
    }

    @Test
    void constructor_rejectsInvalidValuesNamingThem() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 2.0, Duration.ofSeconds(1), 3)).hasMessageContaining("initialInterval must be positive: PT0S");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3)).hasMessageContaining("0.5");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), 3)).hasMessageContaining("shorter");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 0)).hasMessageContaining("maximumAttempts");
    }
}
