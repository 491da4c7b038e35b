package io.skylift.spi;

/** Something a provider can do beyond connecting; see {@link Provider#capability(Class)}. */
public interface Capability {}
