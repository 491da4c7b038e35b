package io.skylift.provider.openstack.client;

import io.skylift.provider.openstack.ServiceType;

/** The project names operators know the services by, for messages. */
final class ServiceNames {

    private ServiceNames() {}

    static String of(ServiceType service) {
        return switch (service) {
            case IDENTITY -> "Keystone";
            case COMPUTE -> "Nova";
            case IMAGE -> "Glance";
            case NETWORK -> "Neutron";
            case BLOCK_STORAGE -> "Cinder";
            case PLACEMENT -> "Placement";
        };
    }
}
