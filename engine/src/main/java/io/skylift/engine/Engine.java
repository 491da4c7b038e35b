package io.skylift.engine;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.Runner;
import io.skylift.engine.execution.RunnerListener;
import io.skylift.engine.execution.RunnerOptions;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.engine.execution.TaskHandlers;
import io.skylift.engine.provider.ProviderRegistry;
import io.skylift.engine.store.Database;
import io.skylift.engine.store.DatabaseFailure;
import io.skylift.engine.store.SecretBox;
import io.skylift.engine.store.SecretKeyFile;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;

/** An open Skylift home: the database and secret key behind the services. Close it when done. */
public final class Engine implements AutoCloseable {

    private final Database database;
    private final ProviderRegistry providers;
    private final Endpoints endpoints;
    private final Clock clock;

    private Engine(Database database, ProviderRegistry providers, Endpoints endpoints, Clock clock) {
        this.database = database;
        this.providers = providers;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /**
     * Opens {@code home}, creating its directory and database on first use.
     *
     * @throws io.skylift.spi.SkyliftException when the secret key file is readable by others
     */
    public static Engine open(Home home, ProviderRegistry providers, Clock clock) {
        requireNonNull(home, "home is null");
        requireNonNull(providers, "providers is null");
        requireNonNull(clock, "clock is null");
        createOwnerOnly(home.directory());
        SecureRandom random = new SecureRandom();
        SecretKeyFile keyFile = new SecretKeyFile(home.secretKeyFile(), random);
        // Checked before anything else: a key others can read must stop every command, not only those that decrypt.
        keyFile.checkPermissions();
        Database database;
        try {
            database = Database.open(home.databaseUrl());
        }
        catch (SkyliftException e) {
            throw DatabaseFailure.unreachable(home.databaseUrl(), e).orElseThrow(() -> e);
        }
        return new Engine(database, providers, Endpoints.stored(database, new SecretBox(keyFile, random), providers, clock), clock);
    }

    /** The home holds the key and the database: made owner-only before either is written. */
    private static void createOwnerOnly(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
            Files.createDirectories(directory, posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new FileAttribute<?>[0]);
        }
        catch (IOException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot create the Skylift home " + directory + ": " + e.getMessage()
                    + "; choose another with --home or SKYLIFT_HOME", e);
        }
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Journal journal() {
        return Journal.of(database, clock);
    }

    /** Starts a worker on this home's database; close it before the engine. */
    public Runner startRunner(Collection<? extends TaskHandler> handlers, RunnerOptions options) {
        return Runner.start(database, handlers, options, clock);
    }

    /** The handlers every installed {@link io.skylift.engine.execution.TaskHandlerFactory} contributes. */
    public TaskHandlers installedHandlers() {
        return TaskHandlers.installed(endpoints);
    }

    /** Starts a worker on this home's database that tells {@code listener} of each attempt; close it before the engine. */
    public Runner startRunner(TaskHandlers handlers, RunnerOptions options, RunnerListener listener) {
        return Runner.start(database, handlers, options, clock, listener);
    }

    @Override
    public void close() {
        database.close();
    }
}
