package io.skylift.bundle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.skylift.model.ResourceRef;
import io.skylift.spi.DiskContent;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One file of disk data in a bundle, as the manifest records it.
 *
 * @param path   relative to the bundle, under {@code data/}
 * @param sha256 lower-case hex
 */
@JsonPropertyOrder({"path", "resource", "size", "sha256", "disk_format", "container_format"})
public record DataFile(
        String path,
        ResourceRef resource,
        long size,
        String sha256,
        @JsonProperty("disk_format") String diskFormat,
        @JsonProperty("container_format") String containerFormat) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public DataFile {
        requireNonNull(path, "path is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(diskFormat, "diskFormat is null");
        requireNonNull(containerFormat, "containerFormat is null");
        if (!path.startsWith(BundleLayout.DATA + "/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("data file path '" + path + "' must lie under " + BundleLayout.DATA + "/");
        }
        if (size < 0) {
            throw new IllegalArgumentException("data file " + path + " has a negative size: " + size);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("data file " + path + ": sha256 must be 64 lower-case hex digits, found '" + sha256 + "'");
        }
    }

    /** The file in the bundle at {@code directory}. */
    public Path file(Path directory) {
        return directory.resolve(path);
    }

    /**
     * Reads the file whole and checks its size and SHA-256 against this record.
     *
     * @throws SkyliftException naming the file and both checksums (or sizes) when they differ
     */
    public void verify(Path directory) {
        Path file = file(directory);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            Sha256 hash = new Sha256();
            long read = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                hash.update(buffer, 0, n);
                read += n;
            }
            check(file, read, hash.hex());
        }
        catch (NoSuchFileException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + " is missing: the manifest lists it for " + resource
                    + "; export again, or copy the whole bundle");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file as data to upload; its stream fails on its last read if the bytes are not these. */
    public DiskContent content(Path directory) {
        Path file = file(directory);
        return new DiskContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public String diskFormat() {
                return diskFormat;
            }

            @Override
            public String containerFormat() {
                return containerFormat;
            }

            @Override
            public InputStream open() {
                try {
                    return new VerifyingInputStream(Files.newInputStream(file), size, sha256, file.toString());
                }
                catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        };
    }

    void check(Path file, long actualSize, String actualSha256) {
        if (actualSize != size) {
            throw corrupt(file + " is " + actualSize + " bytes, but the manifest says " + size);
        }
        if (!actualSha256.equals(sha256)) {
            throw corrupt(file + " has SHA-256 " + actualSha256 + ", but the manifest says " + sha256);
        }
    }

    private static SkyliftException corrupt(String what) {
        return new SkyliftException(ErrorCode.INVALID_INPUT, what + ": the file is damaged; export it again");
    }
}
