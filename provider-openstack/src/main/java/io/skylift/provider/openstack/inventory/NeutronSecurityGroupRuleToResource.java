package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Neutron security group rule (inside {@code GET /v2.0/security-groups}, or
 * {@code GET /v2.0/security-group-rules}) as a {@code security_group_rule} depending on its group
 * and, if it has one, its remote group.
 *
 * <p>Rules have no name. Neutron refuses two rules that differ only in description, so what a rule
 * allows is unique within its group and names it:
 * {@code <group>/<direction>-<ethertype>-<protocol>-<min>-<max>-<remote>}, each missing part
 * {@code any}, the remote being the IP prefix, {@code group-<name>} or
 * {@code address-group-<id>}. For example {@code skylift-db/ingress-IPv4-tcp-5432-5432-group-skylift-web}.
 */
final class NeutronSecurityGroupRuleToResource {

    private NeutronSecurityGroupRuleToResource() {}

    static ResourceRef ref(JsonNode rule, ConversionContext context) {
        String owner = context.projectOwner(rule.path("project_id").asText());
        ResourceRef group = context.refTo(ResourceType.SECURITY_GROUP, rule.path("security_group_id").asText(), owner);
        String remote = DocumentFields.text(rule, "remote_ip_prefix")
                .or(() -> DocumentFields.text(rule, "remote_group_id")
                        .map(id -> "group-" + context.refTo(ResourceType.SECURITY_GROUP, id, owner).name()))
                .or(() -> DocumentFields.text(rule, "remote_address_group_id").map(id -> "address-group-" + id))
                .orElse("any");
        String name = String.join("-",
                rule.path("direction").asText(),
                rule.path("ethertype").asText(),
                DocumentFields.text(rule, "protocol").orElse("any"),
                DocumentFields.text(rule, "port_range_min").orElse("any"),
                DocumentFields.text(rule, "port_range_max").orElse("any"),
                remote);
        return ResourceRef.of(ResourceType.SECURITY_GROUP_RULE, owner, group.name() + "/" + name);
    }

    static Resource convert(JsonNode rule, ConversionContext context) {
        String id = rule.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.SECURITY_GROUP_RULE, id).orElseGet(() -> ref(rule, context));
        Map<String, Object> params = DocumentFields.of(rule)
                .copy("description")
                .copy("direction")
                .copy("ethertype")
                .copy("protocol")
                .copy("port_range_min")
                .copy("port_range_max")
                .copy("remote_ip_prefix")
                .build();
        Map<String, Object> info = DocumentFields.of(rule)
                .copy("id")
                .copy("remote_address_group_id")
                .build();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("security_group",
                List.of(context.refTo(ResourceType.SECURITY_GROUP, rule.path("security_group_id").asText(), ref.owner())));
        DocumentFields.text(rule, "remote_group_id").ifPresent(remote -> refs.put("remote_group",
                List.of(context.refTo(ResourceType.SECURITY_GROUP, remote, ref.owner()))));
        return new Resource(ref, params, refs, info, Map.of());
    }
}
