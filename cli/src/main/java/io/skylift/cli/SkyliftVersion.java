package io.skylift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Reads the version the build stamped into {@code version.properties}, so a jar never reports a
 * version it was not built as.
 */
final class SkyliftVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"skylift " + version()};
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = SkyliftVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; build with ./mvnw package");
            }
            properties.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.contains("${")) {
            // Happens when classes come from an IDE build that skipped Maven's resource filtering.
            throw new IllegalStateException(RESOURCE + " holds no built version ('" + version + "'); build with ./mvnw package");
        }
        return version;
    }
}
