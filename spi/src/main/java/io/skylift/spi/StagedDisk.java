package io.skylift.spi;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * Disk data ready to be read, from {@link DiskSource#stage}.
 *
 * @param id              what the provider reads it through (for OpenStack, a Glance image id)
 * @param size            its length in bytes, when the cloud says
 * @param diskFormat      {@code raw}, {@code qcow2}, ...
 * @param containerFormat {@code bare}, {@code ovf}, ...
 */
public record StagedDisk(String id, OptionalLong size, String diskFormat, String containerFormat) {

    public StagedDisk {
        requireNonNull(id, "id is null");
        requireNonNull(size, "size is null");
        requireNonNull(diskFormat, "diskFormat is null");
        requireNonNull(containerFormat, "containerFormat is null");
    }
}
