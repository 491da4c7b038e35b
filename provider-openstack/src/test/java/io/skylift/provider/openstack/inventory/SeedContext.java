package io.skylift.provider.openstack.inventory;

import static io.skylift.provider.openstack.inventory.Fixtures.ADMIN_PROJECT;
import static io.skylift.provider.openstack.inventory.Fixtures.DEMO_PROJECT;
import static io.skylift.provider.openstack.inventory.Fixtures.DEMO_USER;

import io.skylift.model.ResourceRef;

/**
 * The names a converter needs to resolve the ids in the seed's documents, written out by hand so a
 * converter test does not depend on the inventory's naming pass.
 */
final class SeedContext {

    private SeedContext() {}

    /** As user demo, who cannot learn the admin project's name. */
    static ConversionContext member() {
        return builder().build();
    }

    /** As admin, who can. */
    static ConversionContext admin() {
        return builder().project(ADMIN_PROJECT, "admin").build();
    }

    private static ConversionContext.Builder builder() {
        return ConversionContext.builder(DEMO_PROJECT)
                .project(DEMO_PROJECT, "demo")
                .user(DEMO_USER, "demo")
                .ref("f681171e-04e8-4e4b-a8d6-52bd81563af4", ResourceRef.parse("network:demo/skylift-net-a"))
                .ref("60e93d5b-5b8e-4d99-b87a-d7bdad5991c6", ResourceRef.parse("network:demo/skylift-net-b"))
                .ref("b10fc249-02d3-4c69-97d2-618802418a11", ResourceRef.parse("network:" + ADMIN_PROJECT + "/skylift-public"))
                .ref("729dee61-a4fd-42d8-9918-3641899b830d", ResourceRef.parse("subnet:demo/skylift-subnet-a"))
                .ref("6437b255-055f-4722-a807-bac9575830eb", ResourceRef.parse("subnet:demo/skylift-subnet-b4"))
                .ref("47a783f5-4a9a-461f-8ec2-5ae352fcaec0", ResourceRef.parse("subnet:demo/skylift-subnet-b6"))
                .ref("f2f682e3-de7c-414a-bf5c-69b724524294", ResourceRef.parse("router:demo/skylift-router"))
                .ref("092ccb36-ea7d-4137-b402-d967965bf8ec", ResourceRef.parse("security_group:demo/skylift-web"))
                .ref("88549642-089c-443b-a2e9-af9d69a2d34d", ResourceRef.parse("security_group:demo/skylift-db"))
                .ref("98b01fb2-38af-4207-8119-1f291dce98f9", ResourceRef.parse("security_group:demo/default"))
                .ref("fa878ec0-189e-4e7c-a484-0c11d4f3be9c", ResourceRef.parse("server:demo/skylift-web-1"))
                .ref("4b1c7e1d-3a4c-4b3c-a3f2-82f031a659af", ResourceRef.parse("server:demo/skylift-db-1"))
                .ref("72a3683b-d018-49ee-a1db-ae4e6439b211", ResourceRef.parse("port:demo/skylift-web-1-port"))
                .ref("fbd29a81-84c6-420e-9793-72ca6e2b4081", ResourceRef.parse("port:demo/skylift-db-1/skylift-net-a"))
                .ref("6a41312d-ed2f-4ae7-b3a6-8cc52a777066", ResourceRef.parse("port:demo/skylift-db-1/skylift-net-b"))
                .ref("1481bdcb-bfb1-4b92-9305-c0ec6c33d32e", ResourceRef.parse("image:demo/skylift-cirros-qcow2"))
                .ref("fcacc7af-1eaf-471e-a39c-1dfb34d53240", ResourceRef.parse("image:demo/skylift-raw"))
                .ref("5e179f19-9528-4bef-8e55-9117a699c204", ResourceRef.parse("volume:demo/skylift-data"))
                .ref("47e63d31-6ce3-422d-aacd-3d66d5335ff4", ResourceRef.parse("volume:demo/skylift-db-1-boot"))
                .ref("669fe8fd-29aa-4c52-98b2-99b35d218554", ResourceRef.parse("server_group:demo/skylift-group"));
    }
}
