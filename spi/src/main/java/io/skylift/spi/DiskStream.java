package io.skylift.spi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;

/**
 * Disk data as it arrives; the caller closes it.
 *
 * @param offset where {@code body} starts in the data: the offset asked for, or 0 when the cloud
 *               ignored the range
 */
public record DiskStream(InputStream body, long offset) implements AutoCloseable {

    public DiskStream {
        requireNonNull(body, "body is null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
