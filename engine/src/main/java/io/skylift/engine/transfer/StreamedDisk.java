package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.bundle.HashingInputStream;
import io.skylift.spi.DiskContent;
import io.skylift.spi.DiskSource;
import io.skylift.spi.DiskStream;
import io.skylift.spi.StagedDisk;
import java.io.IOException;
import java.io.InputStream;
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
        return stream == null || stream.sha256 == null ? Optional.empty() : Optional.of(new Transferred(stream.count, stream.sha256));
    }

    /** What went through: its length and SHA-256. */
    record Transferred(long bytes, String sha256) {}

    private final class Counted extends HashingInputStream {

        private long count;
        private String sha256;

        Counted(InputStream in) {
            super(in);
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
            count = bytes;
            sha256 = hash;
        }

        @Override
        protected String name() {
            return name;
        }
    }
}
