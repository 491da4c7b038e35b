package io.skylift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceTest {

    private static final ResourceRef WEB = ResourceRef.parse("server:demo/web");

    @Test
    void constructor_copiesNestedParamsDeeply() {
        List<Object> networks = new ArrayList<>(List.of("private"));
        Map<String, Object> boot = new HashMap<>(Map.of("source", "volume"));
        Map<String, Object> params = new HashMap<>(Map.of("networks", networks, "boot", boot));

        Resource resource = Resource.of(WEB).withParams(params);
        networks.add("public");
        boot.put("size_gb", 20);
        params.put("name", "changed");

        assertThat(resource.params()).isEqualTo(Map.of("networks", List.of("private"), "boot", Map.of("source", "volume")));
    }

    @Test
    void params_areUnmodifiableAtEveryLevel() {
        Resource resource = Resource.of(WEB).withParams(Map.of("boot", Map.of("sizes", List.of(1, 2))));
        @SuppressWarnings("unchecked")
        Map<String, Object> boot = (Map<String, Object>) resource.params().get("boot");
        @SuppressWarnings("unchecked")
        List<Object> sizes = (List<Object>) boot.get("sizes");

        assertThatThrownBy(() -> resource.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> boot.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sizes.add(3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_keepsKeyOrder() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("zeta", 1);
        params.put("alpha", 2);
        params.put("mid", 3);

        assertThat(Resource.of(WEB).withParams(params).params().keySet()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void constructor_rejectsNullValueNamingItsPath() {
        Map<String, Object> port = new HashMap<>();
        port.put("fixed_ip", null);

        assertThatThrownBy(() -> Resource.of(WEB).withInfo(Map.of("ports", List.of(Map.of(), port))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("info.ports[1].fixed_ip is null; leave the key out instead");
    }

    @Test
    void constructor_rejectsUnsupportedValueNamingItsPathAndType() {
        assertThatThrownBy(() -> Resource.of(WEB).withMigration(Map.of("since", new Date(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("migration.since is a java.util.Date; expected a string, number, boolean, list or map");
    }

    @Test
    void constructor_rejectsNullSections() {
        assertThatThrownBy(() -> new Resource(WEB, null, Map.of(), Map.of(), Map.of())).hasMessage("params is null");
        assertThatThrownBy(() -> new Resource(WEB, Map.of(), null, Map.of(), Map.of())).hasMessage("refs is null");
        assertThatThrownBy(() -> new Resource(null, Map.of(), Map.of(), Map.of(), Map.of())).hasMessage("ref is null");
    }

    @Test
    void constructor_copiesRefs() {
        List<ResourceRef> ports = new ArrayList<>(List.of(ResourceRef.parse("port:demo/web-0")));
        Map<String, List<ResourceRef>> refs = new HashMap<>(Map.of("ports", ports));

        Resource resource = new Resource(WEB, Map.of(), refs, Map.of(), Map.of());
        ports.add(ResourceRef.parse("port:demo/web-1"));
        refs.put("flavor", List.of(ResourceRef.parse("flavor:m1.tiny")));

        assertThat(resource.refs()).isEqualTo(Map.of("ports", List.of(ResourceRef.parse("port:demo/web-0"))));
        assertThatThrownBy(() -> resource.refs().get("ports").add(WEB)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_rejectsNullRefNamingResourceAndRole() {
        List<ResourceRef> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> Resource.of(WEB).withRefs(Map.of("volumes", withNull)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server:demo/web has a null reference in role 'volumes'");
    }

    @Test
    void dependencies_listsEachRefOnceInRoleOrder() {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("flavor", List.of(ResourceRef.parse("flavor:m1.tiny")));
        refs.put("ports", List.of(ResourceRef.parse("port:demo/b"), ResourceRef.parse("port:demo/a")));
        refs.put("boot_port", List.of(ResourceRef.parse("port:demo/b")));

        assertThat(Resource.of(WEB).withRefs(refs).dependencies()).containsExactly(
                ResourceRef.parse("flavor:m1.tiny"), ResourceRef.parse("port:demo/b"), ResourceRef.parse("port:demo/a"));
    }

    @Test
    void withMigration_returnsNewValueAndLeavesOriginal() {
        Resource original = Resource.of(WEB).withParams(Map.of("flavor", "m1.tiny"));

        Resource changed = original.withMigration(Map.of("boot_from_volume", true));

        assertThat(original.migration()).isEmpty();
        assertThat(changed.migration()).isEqualTo(Map.of("boot_from_volume", true));
        assertThat(changed.params()).isEqualTo(original.params());
    }
}
