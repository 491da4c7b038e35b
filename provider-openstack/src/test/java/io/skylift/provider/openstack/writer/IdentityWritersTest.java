package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import org.junit.jupiter.api.Test;

class IdentityWritersTest {

    @Test
    void all_writesProjectsUsersRoleAssignmentsAndQuotas() {
        assertThat(IdentityWriters.all(RecordingClient.admin().context())).extracting(TypeWriter::type)
                .containsExactly(ResourceType.PROJECT, ResourceType.USER, ResourceType.ROLE_ASSIGNMENT, ResourceType.QUOTA);
    }

    @Test
    void openStackResourceWriter_takesThemOn() {
        RecordingClient client = RecordingClient.admin().answer("GET", ServiceType.IDENTITY, "/users?name=alice",
                "{\"users\": [{\"id\": \"us-1\", \"name\": \"alice\"}]}");

        assertThat(new OpenStackResourceWriter(client).lookup(ResourceRef.global(ResourceType.USER, "alice"))).contains("us-1");
    }
}
