package io.skylift.provider.openstack.disk;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.spi.Checksum;
import io.skylift.spi.StagedDisk;
import java.util.Optional;
import java.util.OptionalLong;

/** A Glance v2 image document ({@code GET /v2/images/ID}) as the {@link StagedDisk} it is read through. */
final class GlanceImageToStagedDisk {

    private GlanceImageToStagedDisk() {}

    static StagedDisk convert(JsonNode image) {
        JsonNode size = image.path("size");
        // Glance reports null until the data is uploaded; an active image has its size.
        OptionalLong length = size.canConvertToLong() && size.isIntegralNumber() ? OptionalLong.of(size.asLong()) : OptionalLong.empty();
        String algorithm = image.path("os_hash_algo").asText("");
        String hash = image.path("os_hash_value").asText("");
        // Glance's multihash of the data it stored (sha512 unless the operator chose another).
        Optional<Checksum> checksum = algorithm.isEmpty() || hash.isEmpty() ? Optional.empty() : Optional.of(new Checksum(algorithm, hash));
        return new StagedDisk(image.path("id").asText(), length, image.path("disk_format").asText(""),
                image.path("container_format").asText(""), checksum);
    }
}
