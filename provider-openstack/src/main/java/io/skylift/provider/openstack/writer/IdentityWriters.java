package io.skylift.provider.openstack.writer;

import java.util.List;

/** The writers of Keystone's types and of quotas, which need the admin role at the destination. */
final class IdentityWriters {

    private IdentityWriters() {}

    static List<TypeWriter> all(WriterContext context) {
        return List.of(
                new KeystoneProjectWriter(context),
                new KeystoneUserWriter(context),
                new KeystoneRoleAssignmentWriter(context),
                new QuotaWriter(context));
    }
}
