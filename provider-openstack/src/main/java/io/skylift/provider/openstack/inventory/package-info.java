/**
 * The OpenStack inventory: lists each API collection once through an
 * {@link io.skylift.provider.openstack.ApiReader} and converts every document into a portable
 * {@link io.skylift.model.Resource}, one class per conversion (such as {@code NeutronNetworkToResource}).
 */
package io.skylift.provider.openstack.inventory;
