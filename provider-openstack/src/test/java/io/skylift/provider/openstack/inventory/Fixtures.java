package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** API documents captured from the testbed, in {@code src/test/resources/fixtures} (see its README). */
final class Fixtures {

    static final String DEMO_PROJECT = "81a87ffb326942358e358447188d978e";
    static final String ADMIN_PROJECT = "a9a28c9efabc4db9853bfee728f5d7ef";
    static final String DEMO_USER = "c782357abad04b12a85cfbca679e7967";
    /** skylift.private in {@code compute-flavors-admin.json}. */
    static final String PRIVATE_FLAVOR = "5f0b6a3e-9d2c-4e57-8a41-2c7d9b1e6f30";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    static JsonNode document(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return MAPPER.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items of the array {@code key} in a listing. */
    static List<JsonNode> items(String file, String key) {
        List<JsonNode> items = new ArrayList<>();
        document(file).path(key).forEach(items::add);
        return items;
    }

    /** The item of the array {@code key} whose {@code field} is {@code value}. */
    static JsonNode item(String file, String key, String field, String value) {
        return items(file, key).stream()
                .filter(item -> value.equals(item.path(field).asText()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + key + " with " + field + "=" + value + " in " + file));
    }
}
