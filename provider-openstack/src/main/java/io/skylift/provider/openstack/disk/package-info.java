/**
 * Reads the disk data of OpenStack images, volumes and servers for export: makes a Glance image
 * of what has none (through temporary snapshots and volumes tagged with the caller's marker),
 * streams it, and deletes the temporaries by that marker.
 */
package io.skylift.provider.openstack.disk;
