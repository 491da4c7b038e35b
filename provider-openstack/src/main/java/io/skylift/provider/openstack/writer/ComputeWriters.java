package io.skylift.provider.openstack.writer;

import java.util.List;

/** The writers of compute, image, block storage and identity types. */
final class ComputeWriters {

    private ComputeWriters() {}

    static List<TypeWriter> all(WriterContext context) {
        return List.of(
                new NovaKeypairWriter(context),
                new NovaFlavorWriter(context),
                new NovaFlavorAccessWriter(context),
                new NovaServerGroupWriter(context),
                new GlanceImageWriter(context),
                new CinderVolumeTypeWriter(context),
                new CinderVolumeWriter(context),
                new NovaServerWriter(context));
    }
}
