package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.model.ResourceRef;
import java.util.Map;

/** Assertions on what a {@link MemoryCloud} was given. */
final class WriteRequestAssert {

    private WriteRequestAssert() {}

    /** The resource was created once, with exactly these bytes uploaded. */
    static void uploadedBytes(MemoryCloud cloud, ResourceRef ref, byte[] expected) {
        String id = cloud.idOf(ref);
        assertThat(cloud.uploaded.get(id)).as("bytes uploaded for " + ref).isEqualTo(expected);
    }
}
