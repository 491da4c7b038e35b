package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.bundle.Bundle;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.DataFile;
import io.skylift.bundle.Manifest;
import io.skylift.bundle.Sha256;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.Progress;
import io.skylift.engine.execution.TaskContext;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.spi.DiskSource;
import io.skylift.spi.DiskStream;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * Copies one resource's disk data into the bundle: stages it in the source cloud (a temporary
 * snapshot chain for a volume, a server snapshot), downloads it to {@code data/...} while hashing
 * it, records it in the manifest, and deletes the temporary copies.
 *
 * <p>Resuming: a file the manifest already lists and that still has its SHA-256 is not fetched
 * again; a partial download ({@code <file>.part}) continues from its length when the cloud
 * honours ranges and starts over when it does not.
 */
final class ExportDiskHandler implements TaskHandler {

    static final String TYPE = "export-disk";
    static final String ENDPOINT = "endpoint";
    static final String DIRECTORY = "directory";
    static final String MARKER = "marker";
    private static final String STAGE = "stage";
    private static final int BUFFER = 4 << 20;

    private final Endpoints endpoints;

    ExportDiskHandler(Endpoints endpoints) {
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> run(TaskContext context) throws IOException {
        Path directory = Path.of((String) context.inputs().get(DIRECTORY));
        ResourceRef ref = context.resource().orElseThrow();
        Resource resource = Bundle.read(directory).find(ref).orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                BundleLayout.resources(directory) + " no longer holds " + ref + ": export again"));
        Optional<DataFile> done = Manifest.read(directory).of(ref);
        if (done.isPresent() && isIntact(directory, done.get())) {
            return outputs(done.get(), true);
        }
        String marker = (String) context.inputs().get(MARKER);
        try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT))) {
            DiskSource source = Capabilities.diskSource(provider);
            context.intent(STAGE);
            context.heartbeat(Progress.of(0, 0, "staging " + ref));
            StagedDisk disk = source.stage(resource, marker);
            String path = BundleLayout.dataPath(ref, disk.diskFormat());
            DataFile file = download(context, source, disk, directory, path, ref);
            ManifestLock.update(directory, manifest -> manifest.with(file));
            source.release(marker);
            context.markDone(STAGE, disk.id());
            return outputs(file, false);
        }
    }

    /** Deletes the temporary copies in the source; a partial download stays, for the next export to continue. */
    @Override
    public void cleanup(TaskContext context) {
        try (Provider provider = endpoints.connect((String) context.inputs().get(ENDPOINT))) {
            Capabilities.diskSource(provider).release((String) context.inputs().get(MARKER));
        }
    }


    private static DataFile download(TaskContext context, DiskSource source, StagedDisk disk, Path directory, String path, ResourceRef ref)
            throws IOException {
        Path target = directory.resolve(path);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Sha256 hash = new Sha256();
        long have = Files.exists(part) ? hashPrefix(part, hash) : 0;
        long total = disk.size().orElse(0);
        try (DiskStream stream = source.read(disk, have);
                FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (stream.offset() != have) {
                // The cloud sent the data from the start: so do we.
                hash = new Sha256();
                have = 0;
                out.truncate(0);
            }
            out.position(have);
            have = copy(context, stream.body(), out, hash, have, total, ref);
            out.force(true);
        }
        if (disk.size().isPresent() && have != total) {
            throw new SkyliftException(ErrorCode.CLOUD_UNAVAILABLE, ref + ": the cloud sent " + have + " bytes of " + disk.id()
                    + " but says it holds " + total + "; the next export continues from " + part);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new DataFile(path, ref, have, hash.hex(), disk.diskFormat(), disk.containerFormat());
    }

    private static long copy(TaskContext context, InputStream in, FileChannel out, Sha256 hash, long start, long total, ResourceRef ref)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long written = start;
        ByteProgress progress = new ByteProgress(context, total, "downloading " + ref);
        for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
            hash.update(buffer, 0, n);
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            written += n;
            progress.accept(written);
        }
        context.heartbeat(new Progress(written, total, written, "downloaded " + ref));
        return written;
    }

    /** Feeds the bytes already downloaded into the hash; returns how many there are. */
    private static long hashPrefix(Path part, Sha256 hash) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long read = 0;
        try (InputStream in = Files.newInputStream(part)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                hash.update(buffer, 0, n);
                read += n;
            }
        }
        return read;
    }

    private static boolean isIntact(Path directory, DataFile file) {
        try {
            file.verify(directory);
            return true;
        }
        catch (SkyliftException e) {
            return false;
        }
    }

    private static Map<String, Object> outputs(DataFile file, boolean skipped) {
        return Map.of("path", file.path(), "size", file.size(), "sha256", file.sha256(), "skipped", skipped);
    }
}
