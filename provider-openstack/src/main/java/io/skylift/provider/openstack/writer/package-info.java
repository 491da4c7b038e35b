/**
 * Creates resources of the portable model in an OpenStack cloud: one writer class per type
 * ({@code NeutronNetworkWriter}, ...), each finding what an earlier run made by its marker before
 * it creates anything.
 */
package io.skylift.provider.openstack.writer;
