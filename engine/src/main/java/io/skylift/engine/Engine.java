package io.skylift.engine;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.provider.ProviderRegistry;
import io.skylift.engine.store.Database;
import io.skylift.engine.store.SecretBox;
import io.skylift.engine.store.SecretKeyFile;
import java.security.SecureRandom;
import java.time.Clock;

/** An open Skylift home: the database and secret key behind the services. Close it when done. */
public final class Engine implements AutoCloseable {

    private final Database database;
    private final ProviderRegistry providers;
    private final Endpoints endpoints;

    private Engine(Database database, ProviderRegistry providers, Endpoints endpoints) {
        this.database = database;
        this.providers = providers;
        this.endpoints = endpoints;
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
        SecureRandom random = new SecureRandom();
        SecretKeyFile keyFile = new SecretKeyFile(home.secretKeyFile(), random);
        // Checked before anything else: a key others can read must stop every command, not only those that decrypt.
        keyFile.checkPermissions();
        Database database = Database.open(home.databaseUrl());
        return new Engine(database, providers, Endpoints.stored(database, new SecretBox(keyFile, random), providers, clock));
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        database.close();
    }
}
