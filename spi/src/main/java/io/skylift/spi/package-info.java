/**
 * The boundary between Skylift's core and the providers, one per kind of cloud: interfaces and
 * immutable values only. A provider is found with {@link java.util.ServiceLoader} through its
 * {@link io.skylift.spi.ProviderFactory} and offers optional capabilities as small interfaces.
 */
package io.skylift.spi;
