package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;

/**
 * A download asked from a byte offset on; the caller closes {@code body}.
 *
 * @param offset where {@code body} starts: the offset asked for when the service answered 206,
 *               0 when it ignored the range and sent everything (200)
 */
public record RangedDownload(InputStream body, long offset) {

    public RangedDownload {
        requireNonNull(body, "body is null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
    }
}
