package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * One failed HTTP exchange with a cloud, and the one place where HTTP statuses and I/O failures
 * become {@link ErrorCode}s. A 400 is {@link ErrorCode#CLOUD_REJECTED}, not {@code INVALID_INPUT}:
 * the client cannot tell whether the refused value came from the operator or from Skylift, and a
 * caller that validated the operator's input can say so itself.
 *
 * @param service     how messages name the service: {@code Nova}
 * @param requestId   the cloud's {@code x-openstack-request-id} (or {@code x-compute-request-id})
 * @param cloudMessage the cloud's own explanation, possibly empty
 */
record HttpFailure(
        String service, String method, URI uri, int status, Optional<String> requestId, String cloudMessage, Optional<Duration> retryAfter) {

    HttpFailure {
        requireNonNull(service, "service is null");
        requireNonNull(method, "method is null");
        requireNonNull(uri, "uri is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(cloudMessage, "cloudMessage is null");
        requireNonNull(retryAfter, "retryAfter is null");
    }

    ErrorCode code() {
        String message = cloudMessage.toLowerCase(Locale.ROOT);
        boolean quota = message.contains("quota") || message.contains("overlimit") || message.contains("over limit");
        return switch (status) {
            case 400 -> ErrorCode.CLOUD_REJECTED;
            case 401 -> ErrorCode.AUTHENTICATION_FAILED;
            // Nova reports exhausted quota as 403, Cinder as 413, Neutron as 409.
            case 403 -> quota ? ErrorCode.QUOTA_EXCEEDED : ErrorCode.PERMISSION_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 409 -> quota ? ErrorCode.QUOTA_EXCEEDED
                    : message.contains("already exists") || message.contains("duplicate")
                            ? ErrorCode.ALREADY_EXISTS : ErrorCode.CLOUD_REJECTED;
            // Old Nova rate limits answered 413 with a Retry-After.
            case 413 -> quota ? ErrorCode.QUOTA_EXCEEDED : retryAfter.isPresent() ? ErrorCode.RATE_LIMITED : ErrorCode.CLOUD_REJECTED;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> status >= 500 ? ErrorCode.CLOUD_UNAVAILABLE : ErrorCode.CLOUD_REJECTED;
        };
    }

    /** Whether the same request may succeed later: only for calls that are safe to repeat. */
    boolean isTransient() {
        return status >= 500 || status == 429 || code() == ErrorCode.RATE_LIMITED;
    }

    SkyliftException toException(int attempts) {
        StringBuilder text = new StringBuilder()
                .append(service).append(" refused ").append(method).append(' ').append(uri)
                .append(" (HTTP ").append(status);
        requestId.ifPresent(id -> text.append(", request ").append(id));
        if (attempts > 1) {
            text.append(", after ").append(attempts).append(" attempts");
        }
        text.append(')');
        if (!cloudMessage.isEmpty()) {
            text.append(": ").append(cloudMessage);
        }
        ErrorCode code = code();
        fix(code).ifPresent(fix -> text.append(": ").append(fix));
        return new SkyliftException(code, text.toString());
    }

    private Optional<String> fix(ErrorCode code) {
        return Optional.ofNullable(switch (code) {
            case AUTHENTICATION_FAILED -> "the service refused the token; check the user's roles on the project";
            case PERMISSION_DENIED -> "the user lacks the role this needs; use an account with it";
            case QUOTA_EXCEEDED -> "raise the project's quota or free some of it";
            case RATE_LIMITED -> "the cloud is throttling requests; try again later";
            case CLOUD_UNAVAILABLE -> "the service failed; its log has the details" + requestId.map(id -> " under " + id).orElse("");
            default -> null;
        });
    }

    /** A failure before any answer: no connection, TLS refused, no answer in time. */
    static SkyliftException ofIo(String service, String method, URI uri, IOException failure, int attempts) {
        String tried = attempts > 1 ? ", after " + attempts + " attempts" : "";
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return switch (failure) {
            case HttpConnectTimeoutException timeout -> new SkyliftException(ErrorCode.UNREACHABLE,
                    "cannot connect to " + service + " at " + origin(uri) + " (timed out" + tried + "): check the URL and that the cloud is up", failure);
            case HttpTimeoutException timeout -> new SkyliftException(ErrorCode.TIMEOUT,
                    service + " did not answer " + method + " " + uri + " in time (" + reason + tried + ")", failure);
            case SSLException tls -> new SkyliftException(ErrorCode.UNREACHABLE,
                    "TLS with " + service + " at " + origin(uri) + " failed (" + rootMessage(failure) + tried
                            + "): set cacert to the CA bundle that signed the cloud's certificate, or insecure: true for a test cloud", failure);
            default -> isConnectFailure(failure)
                    ? new SkyliftException(ErrorCode.UNREACHABLE, "cannot connect to " + service + " at " + origin(uri) + " ("
                            + rootMessage(failure) + tried + "): check the URL and that the cloud is up", failure)
                    : new SkyliftException(ErrorCode.UNREACHABLE, "the connection to " + service + " broke during " + method + " " + uri
                            + " (" + rootMessage(failure) + tried + ")", failure);
        };
    }

    private static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root instanceof UnresolvedAddressException ? "unknown host" : message;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
