package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.DiskContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Disk data held in memory; a corrupt one throws at its end, as a bundle's file whose checksum
 * differs does.
 */
public record BytesContent(byte[] bytes, String diskFormat, String containerFormat, boolean corrupt) implements DiskContent {

    public BytesContent {
        bytes = requireNonNull(bytes, "bytes is null").clone();
        requireNonNull(diskFormat, "diskFormat is null");
        requireNonNull(containerFormat, "containerFormat is null");
    }

    public static BytesContent raw(byte[] bytes) {
        return new BytesContent(bytes, "raw", "bare", false);
    }

    public static BytesContent corruptRaw(byte[] bytes) {
        return new BytesContent(bytes, "raw", "bare", true);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        InputStream data = new ByteArrayInputStream(bytes);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return atEnd(data.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return atEnd(data.read(buffer, offset, length));
            }

            private int atEnd(int read) throws IOException {
                if (read < 0 && corrupt) {
                    throw new IOException("SHA-256 of the data differs from the manifest's");
                }
                return read;
            }
        };
    }
}
