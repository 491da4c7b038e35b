package io.skylift.provider.openstack.inventory;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.EnumSet;
import java.util.List;

/** The resources the inventory makes from the captured documents, for tests of other packages. */
public final class InventoryFixtures {

    private InventoryFixtures() {}

    /** Everything user demo's inventory of the seed holds. */
    public static List<Resource> demo() {
        ConnectionScope scope = ConnectionScope.of(Fixtures.DEMO_PROJECT, "demo", Fixtures.DEMO_USER, "demo");
        return new OpenStackInventory(FakeApiReader.member(), scope).read(EnumSet.allOf(ResourceType.class));
    }

    /** The resource of user demo's inventory with this ref, such as {@code subnet:demo/skylift-subnet-a}. */
    public static Resource demo(String ref) {
        ResourceRef wanted = ResourceRef.parse(ref);
        return demo().stream().filter(resource -> resource.ref().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the fixtures' inventory has no " + ref));
    }
}
