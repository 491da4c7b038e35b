package io.skylift.provider.openstack;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.Capability;
import io.skylift.spi.DiskSource;
import io.skylift.spi.Inventory;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SchemaType;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The {@code openstack} provider: Keystone v3, Nova, Glance, Cinder and Neutron. */
public final class OpenStackProviderFactory implements ProviderFactory {

    private final CloudsYaml cloudsYaml;

    /** For {@link java.util.ServiceLoader}: reads clouds.yaml where this process finds it. */
    public OpenStackProviderFactory() {
        this(CloudsYaml.ofThisProcess());
    }

    OpenStackProviderFactory(CloudsYaml cloudsYaml) {
        this.cloudsYaml = requireNonNull(cloudsYaml, "cloudsYaml is null");
    }

    @Override
    public String name() {
        return "openstack";
    }

    @Override
    public String description() {
        return "OpenStack clouds through Keystone v3 (password or application credential), Nova, Glance, Cinder and Neutron";
    }

    @Override
    public List<Class<? extends Capability>> capabilities() {
        return List.of(Inventory.class, ResourceWriter.class, DiskSource.class);
    }

    @Override
    public String schema(SchemaType type) {
        String resource = "schema/" + type.id() + ".json";
        try (InputStream in = OpenStackProviderFactory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SkyliftException(ErrorCode.INTERNAL, "the openstack provider's jar has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> connectionFromNamedCloud(String cloud) {
        return cloudsYaml.connection(cloud);
    }

    @Override
    public Map<String, Object> connectionFromEnvironment(Map<String, String> environment) {
        return new EnvironmentToConnection(cloudsYaml).convert(requireNonNull(environment, "environment is null"));
    }

    @Override
    public Provider connect(ConnectionInfo connection) {
        return new OpenStackProvider(ConnectionToClient.convert(requireNonNull(connection, "connection is null")).build());
    }
}
