package io.skylift.bundle;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through while hashing it, and fails the read that reaches its end when the
 * length or SHA-256 is not the one expected, so whatever consumes it (an upload) never finishes
 * with other bytes than those the manifest promised.
 */
final class VerifyingInputStream extends HashingInputStream {

    private final long expectedSize;
    private final String expectedSha256;
    private final String name;

    VerifyingInputStream(InputStream in, long expectedSize, String expectedSha256, String name) {
        super(in);
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
        this.name = name;
    }

    @Override
    protected void afterRead(long count) throws IOException {
        if (count > expectedSize) {
            throw new IOException(name + " is longer than the " + expectedSize + " bytes the manifest says");
        }
    }

    @Override
    protected void atEnd(long count, String sha256) throws IOException {
        if (count != expectedSize) {
            throw new IOException(name + " is " + count + " bytes, but the manifest says " + expectedSize);
        }
        if (!sha256.equals(expectedSha256)) {
            throw new IOException(name + " has SHA-256 " + sha256 + ", but the manifest says " + expectedSha256);
        }
    }

    @Override
    protected String name() {
        return name;
    }
}
