package io.skylift.provider.openstack.writer;

import java.util.List;

/** The writers of compute, image, block storage and identity types. */
final class ComputeWriters {

    private ComputeWriters() {}

    static List<TypeWriter> all(WriterContext context) {
        return List.of();
    }
}
