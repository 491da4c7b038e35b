package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;

/**
 * The caller's marker and the names of the temporaries made under it. Every temporary carries the
 * marker twice, in its name and in its {@value #KEY} metadata or property, and is only ever found
 * (and deleted) when both match: a source resource someone happened to give that name is never
 * touched.
 */
record StagingMarker(String value) {

    /** The metadata key (Cinder) or image property (Glance, Nova's createImage) holding the marker. */
    static final String KEY = "skylift_marker";

    static final int MAX_LENGTH = 60;

    StagingMarker {
        requireNonNull(value, "value is null");
        if (value.isBlank() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "staging marker '" + value.replaceAll("\\p{Cntrl}", "?") + "' must be 1 to "
                    + MAX_LENGTH + " printable characters, such as skylift-2f1c0f6e-data-volume-db");
        }
    }

    /** The temporary Cinder snapshot of a volume. */
    String snapshotName() {
        return value + "-snap";
    }

    /** The temporary volume made from that snapshot, which is what gets uploaded. */
    String volumeName() {
        return value + "-vol";
    }

    /** The Glance image a volume is uploaded to. */
    String volumeImageName() {
        return value + "-img";
    }

    /** The Glance image Nova's createImage makes of a server. */
    String serverImageName() {
        return value;
    }

    /** Whether {@code tags} (a volume's metadata, an image document) hold this marker under {@value #KEY}. */
    boolean isIn(JsonNode tags) {
        return value.equals(tags.path(KEY).asText(null));
    }
}
