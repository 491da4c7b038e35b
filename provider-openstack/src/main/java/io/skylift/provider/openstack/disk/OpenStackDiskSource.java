package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import io.skylift.model.Resource;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.StatusPoll;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.client.RangedDownload;
import io.skylift.spi.DiskSource;
import io.skylift.spi.DiskStream;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;

/**
 * {@link DiskSource} for OpenStack. Every staged disk is a Glance image: an image as it is, a
 * volume uploaded through a temporary snapshot and volume, a server's root disk through Nova's
 * {@code createImage}. Nothing is sent until the first call.
 */
public final class OpenStackDiskSource implements DiskSource {

    private final DiskContext context;

    public OpenStackDiskSource(OpenStackClient client) {
        this(client, StatusPoll.standard(requireNonNull(client, "client is null")));
    }

    /** With the poll that waits for the cloud; tests pass one on a fake clock. */
    public OpenStackDiskSource(OpenStackClient client, StatusPoll poll) {
        this.context = new DiskContext(client, poll);
    }

    @Override
    public StagedDisk stage(Resource resource, String marker) {
        requireNonNull(resource, "resource is null");
        StagingMarker staging = new StagingMarker(marker);
        String name = resource.ref().toString();
        Object id = resource.info().get("id");
        if (!(id instanceof String sourceId) || sourceId.isBlank()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, name + " has no source id in info.id, so its disk cannot be found: "
                    + "read it from the source cloud's inventory again");
        }
        return switch (resource.ref().type()) {
            case IMAGE -> new ImageStaging(context).stage(sourceId, name);
            case VOLUME -> new VolumeStaging(context).stage(sourceId, name, staging);
            case SERVER -> new ServerStaging(context).stage(sourceId, name, staging);
            default -> throw new SkyliftException(ErrorCode.UNSUPPORTED, "cannot read disk data of " + name + ": the OpenStack provider "
                    + "reads the disks of images, volumes and servers booted from an image, not of a " + resource.ref().type().id());
        };
    }

    @Override
    public DiskStream read(StagedDisk disk, long offset) {
        requireNonNull(disk, "disk is null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        RangedDownload download = context.client().download(ServiceType.IMAGE, "/v2/images/" + disk.id() + "/file", offset);
        return new DiskStream(download.body(), download.offset());
    }

    @Override
    public void release(String marker) {
        new MarkerRelease(context).release(new StagingMarker(marker));
    }
}
