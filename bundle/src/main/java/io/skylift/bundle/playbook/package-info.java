/**
 * The bundle's {@code playbook.yml}: the bundle's resources as {@code openstack.cloud} 2.x tasks in
 * creation order, with a row of {@code uuids.csv} after each. {@link io.skylift.bundle.playbook.Playbook}
 * is the entry point; docs/playbook.md says what each resource type becomes.
 */
package io.skylift.bundle.playbook;
