package io.skylift.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Skylift keeps its state: a directory holding the secret key and, by default, the embedded
 * database.
 *
 * @param directory   the home directory, {@code ~/.skylift} unless overridden
 * @param databaseUrl the JDBC URL of the database; an H2 file in {@code directory} by default
 */
public record Home(Path directory, String databaseUrl) {

    /** Overrides the home directory; {@code --home} overrides it in turn. */
    public static final String HOME_VARIABLE = "SKYLIFT_HOME";
    /** Points Skylift at another database, such as a PostgreSQL shared by several workers. */
    public static final String DATABASE_URL_VARIABLE = "SKYLIFT_DATABASE_URL";

    private static final String SECRET_KEY_FILE = "secret.key";
    private static final String DATABASE_FILE = "skylift";

    public Home {
        directory = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
        requireNonNull(databaseUrl, "databaseUrl is null");
    }

    /** A home in {@code directory} with the embedded database inside it. */
    public static Home of(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        return new Home(absolute, "jdbc:h2:file:" + absolute.resolve(DATABASE_FILE));
    }

    /**
     * The home an operator asked for: {@code option} (from {@code --home}) first, then
     * {@value #HOME_VARIABLE}, then {@code ~/.skylift}; the database URL from
     * {@value #DATABASE_URL_VARIABLE} when set.
     */
    public static Home resolve(Optional<Path> option, Map<String, String> environment) {
        requireNonNull(option, "option is null");
        requireNonNull(environment, "environment is null");
        Path directory = option.or(() -> Optional.ofNullable(environment.get(HOME_VARIABLE)).filter(value -> !value.isBlank()).map(Path::of))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".skylift"));
        Home home = of(directory);
        return Optional.ofNullable(environment.get(DATABASE_URL_VARIABLE))
                .filter(url -> !url.isBlank())
                .map(url -> new Home(home.directory(), url))
                .orElse(home);
    }

    public Path secretKeyFile() {
        return directory.resolve(SECRET_KEY_FILE);
    }
}
