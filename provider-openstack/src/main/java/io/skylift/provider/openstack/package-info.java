/**
 * The OpenStack provider: a thin client of its own on {@link java.net.http.HttpClient} and
 * Jackson (Keystone v3 auth and catalog, paging, retries), and one class per conversion from an
 * API document to the portable model.
 */
package io.skylift.provider.openstack;
