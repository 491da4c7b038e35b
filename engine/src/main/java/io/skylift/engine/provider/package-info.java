/** The providers installed on the class path, found with {@link java.util.ServiceLoader}. */
package io.skylift.engine.provider;
