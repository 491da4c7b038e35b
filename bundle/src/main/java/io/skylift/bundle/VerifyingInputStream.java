package io.skylift.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through while hashing it, and fails the read that reaches its end when the
 * length or SHA-256 is not the one expected, so whatever consumes it (an upload) never finishes
 * with other bytes than those the manifest promised.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final long expectedSize;
    private final String expectedSha256;
    private final String name;
    private final Sha256 hash = new Sha256();
    private long read;
    private boolean checked;

    VerifyingInputStream(InputStream in, long expectedSize, String expectedSha256, String name) {
        super(in);
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            hash.update(buffer, offset, n);
            read += n;
            if (read > expectedSize) {
                throw new IOException(name + " is longer than the " + expectedSize + " bytes the manifest says");
            }
        }
        else if (n < 0 && !checked) {
            checked = true;
            String actual = hash.hex();
            if (read != expectedSize) {
                throw new IOException(name + " is " + read + " bytes, but the manifest says " + expectedSize);
            }
            if (!actual.equals(expectedSha256)) {
                throw new IOException(name + " has SHA-256 " + actual + ", but the manifest says " + expectedSha256);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes of " + name + " unchecked");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
