package io.skylift.provider.openstack.writer;

import java.util.List;

/** The writers of Neutron's types. */
final class NeutronWriters {

    private NeutronWriters() {}

    static List<TypeWriter> all(WriterContext context) {
        return List.of(
                new NeutronNetworkWriter(context),
                new NeutronSubnetWriter(context),
                new NeutronRouterWriter(context),
                new NeutronRouterInterfaceWriter(context),
                new NeutronSecurityGroupWriter(context),
                new NeutronSecurityGroupRuleWriter(context),
                new NeutronPortWriter(context),
                new NeutronFloatingIpWriter(context));
    }
}
