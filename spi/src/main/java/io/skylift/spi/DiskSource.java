package io.skylift.spi;

import io.skylift.model.Resource;

/**
 * Reads the disk data of images, volumes and servers. Where the cloud cannot read a resource's
 * data directly (a volume, a server's ephemeral disk) it makes temporary copies, each tagged with
 * the caller's marker so that a later attempt finds them again after a crash and
 * {@link #release} deletes them. The source resource itself is never changed.
 */
public interface DiskSource extends Capability {

    /**
     * Makes the data of {@code resource} readable, waiting until it is. Idempotent by marker: an
     * earlier call's temporary copies are found and reused, not made twice.
     *
     * @param marker names this staging, such as {@code skylift-2f1c0f6e-data-volume-db}; at most
     *               60 printable characters
     * @throws SkyliftException {@link ErrorCode#UNSUPPORTED} for a type that has no disk data
     */
    StagedDisk stage(Resource resource, String marker);

    /**
     * The staged data from byte {@code offset} on. A cloud that ignores ranges sends it from the
     * start, which {@link DiskStream#offset()} then says.
     */
    DiskStream read(StagedDisk disk, long offset);

    /** Deletes every temporary copy tagged with {@code marker}; does nothing when there is none. */
    void release(String marker);
}
