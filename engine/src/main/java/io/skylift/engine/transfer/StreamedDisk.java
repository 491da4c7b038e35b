package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.bundle.HashingInputStream;
import io.skylift.spi.Checksum;
import io.skylift.spi.DiskContent;
import io.skylift.spi.DiskSource;
import io.skylift.spi.DiskStream;
import io.skylift.spi.StagedDisk;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Disk data read from one cloud while it is written to another, never staged on local disk: the
 * destination's upload pulls it through a buffer of its own. The SHA-256 is computed in flight;
 * a stream shorter or longer than the source said throws on its last read, so the destination
 * never completes an upload with the wrong bytes.
 */
final class StreamedDisk implements DiskContent {

    private final DiskSource source;
    private final StagedDisk disk;
    private final String name;
    private final LongConsumer progress;
    private volatile Counted last;

    /**
     * @param name     names the data in messages, such as {@code volume:demo/data}
     * @param progress told how many bytes have gone through, as they go
     */
    StreamedDisk(DiskSource source, StagedDisk disk, String name, LongConsumer progress) {
        this.source = requireNonNull(source, "source is null");
        this.disk = requireNonNull(disk, "disk is null");
        this.name = requireNonNull(name, "name is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    @Override
    public long size() {
        return disk.size().orElse(-1);
    }

    @Override
    public String diskFormat() {
        return disk.diskFormat();
    }

    @Override
    public String containerFormat() {
        return disk.containerFormat();
    }

    /** From the start, each time: an upload that is retried reads everything again. */
    @Override
    public InputStream open() {
        DiskStream stream = source.read(disk, 0);
        last = new Counted(stream.body());
        return last;
    }

    /** The SHA-256 and length of the last stream read to its end. */
    Optional<Transferred> transferred() {
        Counted stream = last;
        return stream == null || stream.sha256 == null ? Optional.empty()
                : Optional.of(new Transferred(stream.count, stream.sha256, stream.origin == null ? Optional.empty() : disk.checksum().map(Checksum::algorithm)));
    }

    /**
     * What went through: its length and SHA-256, and the origin's own digest algorithm when the
     * bytes were checked against it.
     */
    record Transferred(long bytes, String sha256, Optional<String> checkedAgainst) {}

    /** A digest of the origin's algorithm, when Java has it; null otherwise (the bytes are then checked by length only). */
    private static MessageDigest digestOf(Optional<Checksum> checksum) {
        if (checksum.isEmpty()) {
            return null;
        }
        String name = switch (checksum.get().algorithm().toLowerCase(Locale.ROOT)) {
            case "sha512" -> "SHA-512";
            case "sha384" -> "SHA-384";
            case "sha256" -> "SHA-256";
            case "sha1" -> "SHA-1";
            case "md5" -> "MD5";
            default -> "";
        };
        try {
            return name.isEmpty() ? null : MessageDigest.getInstance(name);
        }
        catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    private final class Counted extends HashingInputStream {

        private final MessageDigest origin = digestOf(disk.checksum());
        private long count;
        private String sha256;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        protected void onBytes(byte[] buffer, int offset, int length) {
            if (origin != null) {
                origin.update(buffer, offset, length);
            }
        }

        @Override
        protected void afterRead(long bytes) throws IOException {
            progress.accept(bytes);
            if (disk.size().isPresent() && bytes > disk.size().getAsLong()) {
                throw new IOException(name + ": the source sent more than the " + disk.size().getAsLong() + " bytes it holds");
            }
        }

        @Override
        protected void atEnd(long bytes, String hash) throws IOException {
            if (disk.size().isPresent() && bytes != disk.size().getAsLong()) {
                throw new IOException(name + ": the source sent " + bytes + " bytes of the " + disk.size().getAsLong() + " it holds");
            }
            if (origin != null) {
                String actual = HexFormat.of().formatHex(origin.digest());
                String expected = disk.checksum().orElseThrow().hex();
                if (!actual.equalsIgnoreCase(expected)) {
                    throw new IOException(name + ": the bytes read have " + disk.checksum().orElseThrow().algorithm() + " " + actual
                            + ", but the origin holds " + expected);
                }
            }
            count = bytes;
            sha256 = hash;
        }

        @Override
        protected String name() {
            return name;
        }
    }
}
