package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates a {@code security_group_rule} ({@code POST /v2.0/security-group-rules}) in the
 * destination group its {@code security_group} ref names, allowing traffic from its
 * {@code remote_group} ref if it has one.
 *
 * <p>Rules take no tags, and Neutron refuses two that allow the same traffic, so a rule is found
 * by what it allows: group, direction, ethertype, protocol, port range and remote. That also finds
 * the two egress rules Neutron gives every new group, which the source's group holds as well.
 */
final class NeutronSecurityGroupRuleWriter implements TypeWriter {

    /** What identifies a rule in its group; the description does not. */
    private static final List<String> IDENTITY = List.of("direction", "ethertype", "protocol", "port_range_min", "port_range_max",
            "remote_ip_prefix", "remote_group_id");

    /** Prefixes that allow every address: Neutron treats them as no prefix at all. */
    private static final Set<String> EVERYWHERE = Set.of("0.0.0.0/0", "::/0");

    private final NeutronCollection rules;
    private final NeutronCollection groups;

    NeutronSecurityGroupRuleWriter(WriterContext context) {
        this.rules = NeutronCollection.of(context, "security_group_rules", "security_group_rule", "secgroup-rules");
        this.groups = NeutronCollection.of(context, "security_groups", "security_group", "secgroups");
    }

    @Override
    public ResourceType type() {
        return ResourceType.SECURITY_GROUP_RULE;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        ObjectNode wanted = fields(request);
        String group = wanted.path("security_group_id").asText();
        return rules.unique(rules.list(Map.of("security_group_id", group)).stream()
                .filter(rule -> identity(rule).equals(identity(wanted)))
                .toList(), "rule " + identity(wanted) + " in security group " + group);
    }

    @Override
    public String create(WriteRequest request) {
        ObjectNode fields = fields(request);
        try {
            return rules.post(request.resource().ref().toString(), fields, refusal -> "").path("id").asText();
        }
        catch (SkyliftException e) {
            if (e.code() == ErrorCode.ALREADY_EXISTS) {
                // Made by Neutron or by a run that ended before it was recorded: the same rule, so it is this one.
                return find(request).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The project's rule whose name, computed as the inventory computes it, is {@code ref.name()}. */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        Map<String, String> groupNames = new HashMap<>();
        groups.list(Map.of()).forEach(group -> groupNames.put(group.path("id").asText(), group.path("name").asText()));
        return rules.unique(rules.list(Map.of()).stream().filter(rule -> name(rule, groupNames).equals(ref.name())).toList(),
                "name " + ref.name());
    }

    @Override
    public void delete(String id) {
        rules.delete(id);
    }

    /** What to send: the source's fields, with the destination's group ids. */
    static ObjectNode fields(WriteRequest request) {
        Object addressGroup = request.resource().info().get("remote_address_group_id");
        if (addressGroup != null) {
            throw new SkyliftException(ErrorCode.UNSUPPORTED, request.resource().ref() + " allows traffic from address group " + addressGroup
                    + ", and Skylift does not migrate address groups yet: create the rule at the destination by hand and leave it out of the plan");
        }
        ObjectNode fields = NeutronCollection.JSON.createObjectNode()
                .put("security_group_id", NeutronDependencies.id(request, "security_group"));
        NeutronCollection.copy(fields, request.resource().params(), "description", "direction", "ethertype", "protocol",
                "port_range_min", "port_range_max", "remote_ip_prefix");
        NeutronDependencies.optional(request, "remote_group").ifPresent(group -> fields.put("remote_group_id", request.id(group)));
        return fields;
    }

    /** The fields that identify a rule, as text, with the defaults Neutron applies filled in. */
    static Map<String, String> identity(JsonNode rule) {
        Map<String, String> identity = new LinkedHashMap<>();
        for (String field : IDENTITY) {
            JsonNode value = rule.path(field);
            identity.put(field, value.isMissingNode() || value.isNull() ? "" : value.asText());
        }
        identity.merge("ethertype", "IPv4", (given, fallback) -> given.isEmpty() ? fallback : given);
        if (EVERYWHERE.contains(identity.get("remote_ip_prefix"))) {
            identity.put("remote_ip_prefix", "");
        }
        return identity;
    }

    /**
     * The name the inventory gives a rule: {@code <group>/<direction>-<ethertype>-<protocol>-<min>-<max>-<remote>},
     * each missing part {@code any}.
     */
    static String name(JsonNode rule, Map<String, String> groupNames) {
        String remote = text(rule, "remote_ip_prefix")
                .or(() -> text(rule, "remote_group_id").map(id -> "group-" + groupNames.getOrDefault(id, id)))
                .or(() -> text(rule, "remote_address_group_id").map(id -> "address-group-" + id))
                .orElse("any");
        String group = groupNames.getOrDefault(rule.path("security_group_id").asText(), rule.path("security_group_id").asText());
        return group + "/" + String.join("-", rule.path("direction").asText(), rule.path("ethertype").asText(),
                text(rule, "protocol").orElse("any"), text(rule, "port_range_min").orElse("any"),
                text(rule, "port_range_max").orElse("any"), remote);
    }

    private static Optional<String> text(JsonNode document, String field) {
        JsonNode value = document.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
