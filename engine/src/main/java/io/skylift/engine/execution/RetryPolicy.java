package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import java.time.Duration;

/**
 * When a failed attempt is tried again: only for a {@link ErrorCode#retryable() retryable} code,
 * at most {@code maximumAttempts} attempts in all, after a backoff that starts at
 * {@code initialInterval} and grows by {@code backoffCoefficient} up to {@code maximumInterval}.
 */
public record RetryPolicy(Duration initialInterval, double backoffCoefficient, Duration maximumInterval, int maximumAttempts) {

    private static final RetryPolicy STANDARD = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 5);

    public RetryPolicy {
        requireNonNull(initialInterval, "initialInterval is null");
        requireNonNull(maximumInterval, "maximumInterval is null");
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("initialInterval must be positive: " + initialInterval);
        }
        if (!(backoffCoefficient >= 1.0) || Double.isInfinite(backoffCoefficient)) {
            throw new IllegalArgumentException("backoffCoefficient must be at least 1.0: " + backoffCoefficient);
        }
        if (maximumInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maximumInterval " + maximumInterval + " is shorter than initialInterval " + initialInterval);
        }
        if (maximumAttempts < 1) {
            throw new IllegalArgumentException("maximumAttempts must be at least 1: " + maximumAttempts);
        }
    }

    /** 1 s, doubling, at most 1 min apart, 5 attempts. */
    public static RetryPolicy standard() {
        return STANDARD;
    }

    public RetryPolicy withMaximumAttempts(int attempts) {
        return new RetryPolicy(initialInterval, backoffCoefficient, maximumInterval, attempts);
    }

    public RetryPolicy withInitialInterval(Duration interval) {
        return new RetryPolicy(interval, backoffCoefficient, maximumInterval.compareTo(interval) < 0 ? interval : maximumInterval, maximumAttempts);
    }

    /** Whether a task that failed with {@code code} after {@code attemptsMade} attempts gets another. */
    public boolean allowsRetry(ErrorCode code, int attemptsMade) {
        requireNonNull(code, "code is null");
        return code.retryable() && attemptsMade < maximumAttempts;
    }

    /** The wait before attempt {@code attemptsMade + 1}. */
    public Duration backoff(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be at least 1: " + attemptsMade);
        }
        double millis = initialInterval.toMillis() * Math.pow(backoffCoefficient, attemptsMade - 1);
        return millis >= maximumInterval.toMillis() ? maximumInterval : Duration.ofMillis((long) millis);
    }
}
