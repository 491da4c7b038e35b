/**
 * Skylift's own thin OpenStack client on {@link java.net.http.HttpClient}: Keystone v3 tokens and
 * catalog, paging, retries of idempotent calls, streamed uploads and downloads, and the mapping of
 * every HTTP failure to an {@link io.skylift.spi.ErrorCode} in one place ({@code HttpFailure}).
 */
package io.skylift.provider.openstack.client;
