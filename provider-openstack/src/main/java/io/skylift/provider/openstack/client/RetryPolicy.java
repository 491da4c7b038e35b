package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently the client repeats an idempotent call that failed for a reason that
 * may pass (HTTP 5xx, 429, a dropped connection): exponential backoff with full jitter, so many
 * clients that failed together do not come back together.
 *
 * @param maxAttempts total attempts, the first included; 1 means no retry
 * @param baseDelay   the cap of the first wait; each later cap doubles
 * @param maxDelay    no wait is longer, and a {@code Retry-After} longer than this ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        requireNonNull(baseDelay, "baseDelay is null");
        requireNonNull(maxDelay, "maxDelay is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("baseDelay must be positive: " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
        }
    }

    /** Four attempts, waits of up to 0.5 s, 1 s and 2 s; a Retry-After of up to 30 s is honoured. */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failures: a uniformly random
     * part of {@code min(maxDelay, baseDelay * 2^(failedAttempts - 1))}.
     */
    public Duration backoff(int failedAttempts, DoubleSupplier random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        long cap = maxDelay.toNanos();
        long base = baseDelay.toNanos();
        int shift = Math.min(failedAttempts - 1, 62);
        if (base <= cap >> shift) {
            cap = base << shift;
        }
        return Duration.ofNanos((long) (cap * random.getAsDouble()));
    }
}
