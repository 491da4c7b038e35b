package io.skylift.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hashes (SHA-256) and counts the bytes read through it, and lets a subclass check them as they
 * go and once at the end, by throwing from the read that delivers them: a reader that uploads
 * what it reads then fails instead of completing with the wrong bytes. Skipping is refused, since
 * skipped bytes would be left out of the hash.
 */
public abstract class HashingInputStream extends FilterInputStream {

    private final Sha256 hash = new Sha256();
    private long count;
    private boolean ended;

    protected HashingInputStream(InputStream in) {
        super(in);
    }

    /** Called with each run of bytes read, before {@link #afterRead}: for a subclass that digests them another way too. */
    protected void onBytes(byte[] buffer, int offset, int length) {}

    /** Called after each read with the bytes read so far. */
    protected abstract void afterRead(long count) throws IOException;

    /** Called once, at the end of the stream, with its length and SHA-256. */
    protected abstract void atEnd(long count, String sha256) throws IOException;

    /** What the stream is of, in messages. */
    protected abstract String name();

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            hash.update(buffer, offset, n);
            onBytes(buffer, offset, n);
            count += n;
            afterRead(count);
        }
        else if (n < 0 && !ended) {
            ended = true;
            atEnd(count, hash.hex());
        }
        return n;
    }

    @Override
    public final long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes of " + name() + " unchecked");
    }

    @Override
    public final boolean markSupported() {
        return false;
    }
}
