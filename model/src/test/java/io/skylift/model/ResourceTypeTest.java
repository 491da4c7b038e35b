package io.skylift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResourceTypeTest {

    @Test
    void fromId_findsEveryType() {
        for (ResourceType type : ResourceType.values()) {
            assertThat(ResourceType.fromId(type.id())).isSameAs(type);
        }
    }

    @Test
    void id_isLowerCaseConstantName() {
        for (ResourceType type : ResourceType.values()) {
            assertThat(type.id()).isEqualTo(type.name().toLowerCase(Locale.ROOT));
            assertThat(type).hasToString(type.id());
        }
    }

    @Test
    void fromId_rejectsUnknownIdListingValidOnes() {
        assertThatThrownBy(() -> ResourceType.fromId("Server"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown resource type 'Server'; expected one of: project, user,")
                .hasMessageContaining("volume_type")
                .hasMessageEndingWith("server");
    }

    @Test
    void scope_isGlobalForIdentityAndAdminCatalog() {
        assertThat(typesWith(Scope.GLOBAL)).containsExactlyInAnyOrder(
                ResourceType.PROJECT, ResourceType.USER, ResourceType.FLAVOR, ResourceType.VOLUME_TYPE);
    }

    @Test
    void scope_isUserForKeypairOnly() {
        assertThat(typesWith(Scope.USER)).containsExactly(ResourceType.KEYPAIR);
    }

    @Test
    void scope_isProjectForEverythingElse() {
        EnumSet<ResourceType> projectScoped = typesWith(Scope.PROJECT);
        assertThat(projectScoped).hasSize(ResourceType.values().length - 5)
                .contains(ResourceType.SERVER, ResourceType.IMAGE, ResourceType.NETWORK, ResourceType.ROLE_ASSIGNMENT,
                        ResourceType.QUOTA, ResourceType.FLAVOR_ACCESS, ResourceType.SECURITY_GROUP_RULE);
    }

    @Test
    void values_coverEveryTypeTheArchitectureNames() {
        assertThat(Arrays.stream(ResourceType.values()).map(ResourceType::id)).containsExactlyInAnyOrder(
                "server", "volume", "volume_type", "volume_snapshot", "image", "network", "subnet", "router",
                "router_interface", "port", "security_group", "security_group_rule", "floating_ip", "keypair",
                "flavor", "flavor_access", "server_group", "project", "user", "role_assignment", "quota");
    }

    private static EnumSet<ResourceType> typesWith(Scope scope) {
        EnumSet<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            if (type.scope() == scope) {
                types.add(type);
            }
        }
        return types;
    }
}
