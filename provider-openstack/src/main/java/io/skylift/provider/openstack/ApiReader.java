package io.skylift.provider.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads documents from an OpenStack cloud's APIs: the seam between the inventory and the HTTP
 * client, so converters and the inventory are tested with a fake of this interface.
 */
public interface ApiReader {

    /**
     * Every item of a collection, following all pages (links or markers).
     *
     * @param service       which service's endpoint the path is relative to
     * @param path          the collection's path and query, such as {@code /servers/detail} or
     *                      {@code /v2.0/ports?device_owner=network:router_interface}
     * @param collectionKey the key of the array in the response, such as {@code servers}
     */
    List<JsonNode> list(ServiceType service, String path, String collectionKey);

    /** One document, such as {@code /os-quota-sets/PROJECT_ID}. */
    JsonNode get(ServiceType service, String path);
}
