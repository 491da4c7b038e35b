package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.client.Session;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service's quotas for one project, a {@code quota} named {@code <project>/<service>} as the
 * inventory reads them: Nova's and Cinder's {@code os-quota-sets/<project>}, Neutron's
 * {@code quotas/<project>}. The project is the {@code project} ref's when the resource has one,
 * else the one the ref's owner names.
 *
 * <p>Quotas always exist, so nothing marks them: {@link #find} names them when the destination's
 * limits are the wanted ones already, and {@link #create} sets them. The id is
 * {@code <project id>/<service>}; {@link #delete} puts the project back on the service's defaults,
 * which undoes what a run set. Limits the destination's service does not have (another release,
 * a volume type it lacks) are left out.
 */
final class QuotaWriter implements TypeWriter {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A service whose quotas are carried, by the name the inventory gives it. */
    enum Service {
        COMPUTE("compute", ServiceType.COMPUTE, "/os-quota-sets/", "quota_set", "/detail", "in_use"),
        VOLUME("volume", ServiceType.BLOCK_STORAGE, "/os-quota-sets/", "quota_set", "?usage=true", "in_use"),
        NETWORK("network", ServiceType.NETWORK, "/v2.0/quotas/", "quota", "/details", "used");

        private final String id;
        private final ServiceType service;
        private final String path;
        private final String key;
        private final String usageSuffix;
        private final String usedKey;

        /**
         * @param usageSuffix what {@code path} takes to answer each limit with its usage
         * @param usedKey     the key of the usage there
         */
        Service(String id, ServiceType service, String path, String key, String usageSuffix, String usedKey) {
            this.id = id;
            this.service = service;
            this.path = path;
            this.key = key;
            this.usageSuffix = usageSuffix;
            this.usedKey = usedKey;
        }

        /** @param what names where the id came from in messages: {@code quota:demo/dns} */
        static Service of(String id, Object what) {
            return Arrays.stream(values()).filter(service -> service.id.equals(id)).findFirst().orElseThrow(() -> new SkyliftException(
                    ErrorCode.INVALID_INPUT, what + " names service '" + id + "', whose quotas Skylift does not carry; expected one of: "
                            + Arrays.stream(values()).map(service -> service.id).collect(Collectors.joining(", "))));
        }
    }

    /** The id of a project's quotas of one service, {@code <project id>/<service>}. */
    record QuotaId(String project, Service service) {
        QuotaId {
            requireNonNull(project, "project is null");
            requireNonNull(service, "service is null");
        }

        static QuotaId parse(String id) {
            int slash = id.indexOf('/');
            if (slash <= 0) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "quota id " + id + " is not <project id>/<service>");
            }
            return new QuotaId(id.substring(0, slash), Service.of(id.substring(slash + 1), "quota id " + id));
        }

        String path() {
            return service.path + project;
        }

        @Override
        public String toString() {
            return project + "/" + service.id;
        }
    }

    /** A limit at the destination and how much of it is taken. */
    private record Limit(long limit, long used) {}

    private final WriterContext context;
    private final KeystoneCollection projects;

    QuotaWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
        this.projects = KeystoneCollection.projects(context);
    }

    @Override
    public ResourceType type() {
        return ResourceType.QUOTA;
    }

    /** The id when every limit the destination has is the wanted one already; empty when one differs, or the project is missing. */
    @Override
    public Optional<String> find(WriteRequest request) {
        Service service = Service.of(request.resource().ref().name(), request.resource().ref());
        return project(request).map(project -> new QuotaId(project, service)).filter(id -> {
            Map<String, Limit> limits = limits(id);
            return wanted(request, limits).entrySet().stream().allMatch(limit -> limits.get(limit.getKey()).limit() == limit.getValue().longValue());
        }).map(QuotaId::toString);
    }

    @Override
    public String create(WriteRequest request) {
        ResourceRef ref = request.resource().ref();
        QuotaId id = new QuotaId(project(request).orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND, "project " + ref.owner()
                + " of " + ref + " does not exist at the destination: import the project first, or add a project ref to the quota")),
                Service.of(ref.name(), ref));
        Map<String, Limit> limits = limits(id);
        Map<String, Number> wanted = wanted(request, limits);
        if (wanted.isEmpty()) {
            return id.toString();
        }
        ObjectNode body = CloudWrites.object();
        body.set(id.service().key, JSON.valueToTree(wanted));
        try {
            context.client().put(id.service().service, id.path(), body);
        }
        catch (SkyliftException e) {
            List<String> belowUsage = wanted.entrySet().stream()
                    .filter(limit -> limit.getValue().longValue() >= 0 && limit.getValue().longValue() < limits.get(limit.getKey()).used())
                    .map(limit -> limit.getKey() + " " + limit.getValue() + " is below the " + limits.get(limit.getKey()).used() + " in use")
                    .toList();
            if (belowUsage.isEmpty()) {
                throw e;
            }
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, "the destination refused the " + id.service().id + " quotas of " + ref
                    + " (project " + id.project() + "): " + String.join(", ", belowUsage) + "; raise those limits in the resource's params,"
                    + " or free what uses them at the destination first (" + e.getMessage() + ")", e);
        }
        return id.toString();
    }

    /** The project's quotas of the service the ref names; every project has them. */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        Service service = Service.of(ref.name(), ref);
        return project(ref.owner()).map(project -> new QuotaId(project, service).toString());
    }

    /** Puts the project back on the service's default quotas; a project without quotas of its own is fine. */
    @Override
    public void delete(String id) {
        QuotaId parsed = QuotaId.parse(id);
        try {
            context.client().delete(parsed.service().service, parsed.path());
        }
        catch (SkyliftException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
        }
    }

    /** The destination's limits of the service for the project, with their usage. */
    private Map<String, Limit> limits(QuotaId id) {
        Service service = id.service();
        JsonNode quotas = context.client().get(service.service, id.path() + service.usageSuffix).path(service.key);
        Map<String, Limit> limits = new LinkedHashMap<>();
        quotas.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                limits.put(field.getKey(), new Limit(value.path("limit").asLong(), value.path(service.usedKey).asLong() + value.path("reserved").asLong()));
            }
        });
        return limits;
    }

    /** The request's numeric limits that the destination has; the others are logged and left out. */
    private static Map<String, Number> wanted(WriteRequest request, Map<String, Limit> limits) {
        Map<String, Number> wanted = new LinkedHashMap<>();
        request.resource().params().forEach((key, value) -> {
            if (!(value instanceof Number number)) {
                return;
            }
            if (limits.containsKey(key)) {
                wanted.put(key, number);
            }
            else {
                LOG.debug("{}: the destination has no quota {}; left out", request.resource().ref(), key);
            }
        });
        return wanted;
    }

    private Optional<String> project(WriteRequest request) {
        Optional<ResourceRef> project = NeutronDependencies.optional(request, "project");
        return project.isPresent() ? Optional.of(request.id(project.get())) : project(request.resource().ref().owner());
    }

    /** The destination project of that name: the connection's own without asking, else Keystone's. */
    private Optional<String> project(String name) {
        Optional<Session.NamedId> own = context.client().session().project().filter(project -> project.name().equals(name));
        return own.isPresent() ? own.map(Session.NamedId::id) : projects.findNamed(name);
    }
}
