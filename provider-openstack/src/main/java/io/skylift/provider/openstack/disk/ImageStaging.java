package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;

/** An image is read as it is: nothing temporary, so nothing to release. */
final class ImageStaging {

    private final DiskContext context;

    ImageStaging(DiskContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    StagedDisk stage(String imageId, String name) {
        JsonNode image = context.client().get(ServiceType.IMAGE, "/v2/images/" + imageId);
        String status = image.path("status").asText("");
        if (!"active".equals(status)) {
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, "image " + name + " (" + imageId + ") is " + status
                    + ", and only an active image's data can be read: wait until its upload ends, reactivate it, or leave it out");
        }
        return GlanceImageToStagedDisk.convert(image);
    }
}
