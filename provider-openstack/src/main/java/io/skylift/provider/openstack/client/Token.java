package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A Keystone token with what it says, and when to replace it. {@code toString} hides the value.
 *
 * @param refreshAt on the local clock, so that a skew between our clock and Keystone's does not matter
 */
record Token(String value, Session session, Instant refreshAt) {

    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    Token {
        requireNonNull(value, "value is null");
        requireNonNull(session, "session is null");
        requireNonNull(refreshAt, "refreshAt is null");
    }

    /**
     * A token received at {@code receivedAt} on the local clock. It is replaced when less than a
     * tenth of its lifetime, and at most 60 s, remain: the margin covers a request that starts just
     * before expiry, and a tenth keeps short-lived tokens (180 s on the test cloud) useful.
     */
    static Token received(String value, Session session, Instant receivedAt) {
        Duration lifetime = Duration.between(session.issuedAt(), session.expiresAt());
        Duration margin = lifetime.dividedBy(10);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        return new Token(value, session, receivedAt.plus(lifetime).minus(margin));
    }

    boolean needsRefresh(Instant now) {
        return !now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "Token[value=******, user=" + session.userName() + ", refreshAt=" + refreshAt + "]";
    }
}
