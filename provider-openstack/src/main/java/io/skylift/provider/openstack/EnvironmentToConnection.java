package io.skylift.provider.openstack;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a connection from the {@code OS_*} variables of an OpenStack RC file. {@code OS_CLOUD}
 * starts from that clouds.yaml entry, and the other variables override its values, as the
 * openstack command does.
 */
final class EnvironmentToConnection {

    private static final Map<String, String> VARIABLES = variables();

    private final CloudsYaml cloudsYaml;

    EnvironmentToConnection(CloudsYaml cloudsYaml) {
        this.cloudsYaml = requireNonNull(cloudsYaml, "cloudsYaml is null");
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String key : new String[] {
            "auth_url", "username", "user_id", "password", "user_domain_name", "user_domain_id", "project_name", "project_id",
            "project_domain_name", "project_domain_id", "domain_name", "domain_id", "application_credential_id",
            "application_credential_name", "application_credential_secret", "region_name", "interface", "cacert"}) {
            variables.put("OS_" + key.toUpperCase(Locale.ROOT), key);
        }
        // Names from Keystone v2 days that RC files still carry.
        variables.put("OS_TENANT_NAME", "project_name");
        variables.put("OS_TENANT_ID", "project_id");
        variables.put("OS_ENDPOINT_TYPE", "interface");
        return variables;
    }

    Map<String, Object> convert(Map<String, String> environment) {
        Map<String, Object> connection = new LinkedHashMap<>();
        String cloud = environment.get("OS_CLOUD");
        if (cloud != null && !cloud.isBlank()) {
            connection.putAll(cloudsYaml.connection(cloud));
        }
        VARIABLES.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank() && !(variable.startsWith("OS_TENANT") && environment.containsKey("OS_PROJECT" + variable.substring(9)))) {
                connection.put(key, key.equals("interface") ? value.toLowerCase(Locale.ROOT).replace("url", "") : value);
            }
        });
        String insecure = environment.get("OS_INSECURE");
        if (insecure != null && Set.of("true", "1", "yes").contains(insecure.strip().toLowerCase(Locale.ROOT))) {
            connection.put("insecure", true);
        }
        return connection;
    }
}
