package io.skylift.spi;

/**
 * What went wrong, categorised. Whether a failed step is retried is decided by the orchestrator
 * alone, from {@link #retryable()}; providers raise codes, they do not loop.
 */
public enum ErrorCode {
    INVALID_INPUT(ErrorCategory.USER, false),
    NOT_FOUND(ErrorCategory.USER, false),
    ALREADY_EXISTS(ErrorCategory.USER, false),
    AUTHENTICATION_FAILED(ErrorCategory.USER, false),
    PERMISSION_DENIED(ErrorCategory.USER, false),
    QUOTA_EXCEEDED(ErrorCategory.USER, false),
    UNSUPPORTED(ErrorCategory.USER, false),
    /** No connection could be made: refused, unknown host, TLS handshake. */
    UNREACHABLE(ErrorCategory.EXTERNAL, true),
    TIMEOUT(ErrorCategory.EXTERNAL, true),
    RATE_LIMITED(ErrorCategory.EXTERNAL, true),
    /** The cloud answered with a server error (HTTP 5xx). */
    CLOUD_UNAVAILABLE(ErrorCategory.EXTERNAL, true),
    /** The cloud refused the request for a reason no other code names (HTTP 4xx). */
    CLOUD_REJECTED(ErrorCategory.EXTERNAL, false),
    INTERNAL(ErrorCategory.INTERNAL, false);

    private final ErrorCategory category;
    private final boolean retryable;

    ErrorCode(ErrorCategory category, boolean retryable) {
        this.category = category;
        this.retryable = retryable;
    }

    public ErrorCategory category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }
}
