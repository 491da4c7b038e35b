package io.skylift.provider.openstack.writer;

import java.util.List;

/** The writers of Neutron's types. */
final class NeutronWriters {

    private NeutronWriters() {}

    static List<TypeWriter> all(WriterContext context) {
        return List.of();
    }
}
