package io.skylift.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.engine.Engine;
import io.skylift.engine.FakeProviderFactory;
import io.skylift.engine.Home;
import io.skylift.engine.provider.ProviderRegistry;
import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @TempDir
    Path directory;

    private final FakeProviderFactory fake = FakeProviderFactory.withInventory();
    private final FakeProviderFactory bare = FakeProviderFactory.bare();
    private Home home;
    private Engine engine;
    private Endpoints endpoints;

    @BeforeEach
    void open() {
        home = Home.of(directory);
        reopen();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void reopen() {
        if (engine != null) {
            engine.close();
        }
        engine = Engine.open(home, ProviderRegistry.of(List.of(fake, bare)), Clock.fixed(NOW, ZoneOffset.UTC));
        endpoints = engine.endpoints();
    }

    private static NewEndpoint request(String name, Map<String, Object> connection) {
        return new NewEndpoint(name, "fake", "the source cloud", connection);
    }

    @Test
    void create_storesEndpointThatListShows() {
        Endpoint created = endpoints.create(request("src", FakeProviderFactory.goodConnection()));
        endpoints.create(new NewEndpoint("dst", "bare", "", FakeProviderFactory.goodConnection()));

        assertThat(created.name()).isEqualTo("src");
        assertThat(created.provider()).isEqualTo("fake");
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(endpoints.list()).extracting(Endpoint::name).containsExactly("dst", "src");
        assertThat(endpoints.list().get(1)).isEqualTo(created);
    }

    @Test
    void create_doesNotContactTheCloud() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        assertThat(fake.connections).isEmpty();
    }

    @Test
    void show_masksTheSecretsTheSchemaMarksWriteOnly() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        EndpointDetails details = endpoints.show("src");

        assertThat(details.endpoint().description()).isEqualTo("the source cloud");
        assertThat(details.connection()).containsExactly(
                Map.entry("auth_url", "http://127.0.0.1:5000/v3"),
                Map.entry("password", "******"),
                Map.entry("username", "demo"));
        assertThat(details.toString()).doesNotContain(FakeProviderFactory.PASSWORD);
    }

    @Test
    void show_survivesReopeningTheHome() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        reopen();

        assertThat(endpoints.show("src").connection()).containsEntry("username", "demo");
    }

    @Test
    void validate_storedEndpoint_connectsWithTheUnmaskedConnectionAndClosesTheProvider() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        assertThat(endpoints.validate("src")).containsExactly(Map.entry("user", "demo"), Map.entry("project", "demo"));
        assertThat(fake.connections).singleElement().satisfies(connection -> {
            assertThat(connection.requiredString("password")).isEqualTo(FakeProviderFactory.PASSWORD);
            assertThat(connection.secretKeys()).containsExactly("password");
        });
        assertThat(fake.closed).isEqualTo(1);
    }

    @Test
    void validate_wrongPassword_keepsTheProvidersCode() {
        Map<String, Object> connection = FakeProviderFactory.goodConnection();
        connection.put("password", "wrong");
        endpoints.create(request("src", connection));

        assertThatThrownBy(() -> endpoints.validate("src"))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
        assertThat(fake.closed).isEqualTo(1);
    }

    @Test
    void validate_request_storesNothing() {
        assertThat(endpoints.validate(request("src", FakeProviderFactory.goodConnection()))).containsKey("user");

        assertThat(endpoints.list()).isEmpty();
    }

    @Test
    void validate_request_withTakenName_failsBeforeConnecting() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        assertCode(() -> endpoints.validate(request("src", FakeProviderFactory.goodConnection())), ErrorCode.ALREADY_EXISTS);
        assertThat(fake.connections).isEmpty();
    }

    @Test
    void check_findsEveryMistakeWithoutConnectingOrStoring() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        endpoints.check(request("dst", FakeProviderFactory.goodConnection()));
        assertCode(() -> endpoints.check(request("src", FakeProviderFactory.goodConnection())), ErrorCode.ALREADY_EXISTS);
        assertCode(() -> endpoints.check(request("dst", Map.of("username", "demo"))), ErrorCode.INVALID_INPUT);
        assertThat(fake.connections).isEmpty();
        assertThat(endpoints.list()).extracting(Endpoint::name).containsExactly("src");
    }

    @Test
    void create_duplicateName_isRefusedAndKeepsTheFirst() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        assertThatThrownBy(() -> endpoints.create(new NewEndpoint("src", "bare", "", FakeProviderFactory.goodConnection())))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessage("endpoint 'src' already exists: choose another name or delete it first");
        assertThat(endpoints.list()).singleElement().extracting(Endpoint::provider).isEqualTo("fake");
    }

    @Test
    void create_unknownProvider_namesTheKnownOnesAndStoresNothing() {
        assertThatThrownBy(() -> endpoints.create(new NewEndpoint("src", "openstack", "", FakeProviderFactory.goodConnection())))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("unknown provider 'openstack': known providers: bare, fake");
        assertThat(endpoints.list()).isEmpty();
    }

    @Test
    void create_missingRequiredProperty_namesItAndStoresNothing() {
        Map<String, Object> connection = FakeProviderFactory.goodConnection();
        connection.remove("auth_url");

        assertThatThrownBy(() -> endpoints.create(request("src", connection)))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("connection info for endpoint src: property 'auth_url' is required"
                        + " (the schema: skylift provider schema list fake connection)");
        assertThat(endpoints.list()).isEmpty();
        assertThat(home.secretKeyFile()).doesNotExist();
    }

    @Test
    void create_wrongTypeAndUnknownProperty_namesEachProblem() {
        Map<String, Object> connection = FakeProviderFactory.goodConnection();
        connection.put("port", "5000");
        connection.put("pasword", "typo");

        assertThatThrownBy(() -> endpoints.create(request("src", connection)))
                .hasMessageStartingWith("connection info for endpoint src: ")
                .hasMessageContaining("property 'port': ")
                .hasMessageContaining("property 'pasword' is not allowed")
                .hasMessageNotContaining("$.");
    }

    @Test
    void create_nullValue_isRefusedWithTheFix() {
        Map<String, Object> connection = new LinkedHashMap<>(FakeProviderFactory.goodConnection());
        connection.put("port", null);

        assertThatThrownBy(() -> request("src", connection))
                .hasMessage("connection info for endpoint src: property 'port' is null: leave it out instead");
    }

    @Test
    void create_badName_isRefusedWithAnExample() {
        assertThatThrownBy(() -> request("my cloud", FakeProviderFactory.goodConnection()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("endpoint name 'my cloud' is not allowed");
    }

    @Test
    void create_keyFileLostWhileEndpointsAreStored_refusesToMakeANewKey() throws Exception {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));
        Files.delete(home.secretKeyFile());

        assertThatThrownBy(() -> endpoints.create(request("dst", FakeProviderFactory.goodConnection())))
                .hasMessageStartingWith("secret key file " + home.secretKeyFile() + " is missing but endpoints sealed with it are stored");
        assertThat(home.secretKeyFile()).doesNotExist();
        assertThatThrownBy(() -> endpoints.show("src")).hasMessageStartingWith("secret key file " + home.secretKeyFile() + " is missing");
    }

    @Test
    void delete_removesTheEndpoint() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        endpoints.delete("src");

        assertThat(endpoints.list()).isEmpty();
        assertCode(() -> endpoints.show("src"), ErrorCode.NOT_FOUND);
    }

    @Test
    void unknownEndpoint_isNotFoundForEveryOperation() {
        assertThatThrownBy(() -> endpoints.show("nope")).hasMessage("endpoint 'nope' not found: see skylift endpoint list");
        assertCode(() -> endpoints.delete("nope"), ErrorCode.NOT_FOUND);
        assertCode(() -> endpoints.validate("nope"), ErrorCode.NOT_FOUND);
        assertCode(() -> endpoints.inventory("nope", Set.of(ResourceType.SERVER)), ErrorCode.NOT_FOUND);
    }

    @Test
    void inventory_readsThroughTheProvider() {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));

        List<Resource> servers = endpoints.inventory("src", Set.of(ResourceType.SERVER));

        assertThat(servers).extracting(server -> server.ref().name()).containsExactly("web", "db");
        assertThat(fake.closed).isEqualTo(1);
    }

    @Test
    void inventory_providerWithoutInventory_isUnsupported() {
        endpoints.create(new NewEndpoint("dst", "bare", "", FakeProviderFactory.goodConnection()));

        assertThatThrownBy(() -> endpoints.inventory("dst", Set.of(ResourceType.SERVER)))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessage("endpoint 'dst' cannot list resources: provider 'bare' has no inventory capability");
        assertThat(bare.closed).isEqualTo(1);
    }

    @Test
    void storedEndpoint_whoseProviderIsGone_namesBoth() {
        endpoints.create(new NewEndpoint("dst", "bare", "", FakeProviderFactory.goodConnection()));
        engine.close();
        engine = Engine.open(home, ProviderRegistry.of(List.of(fake)), Clock.systemUTC());

        assertThatThrownBy(() -> engine.endpoints().validate("dst"))
                .hasMessage("endpoint 'dst': unknown provider 'bare': known providers: fake");
    }

    @Test
    void show_ciphertextMovedToAnotherEndpoint_failsItsIntegrityCheck() throws Exception {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));
        endpoints.create(request("dst", FakeProviderFactory.goodConnection()));
        engine.close();
        try (Connection connection = DriverManager.getConnection(home.databaseUrl());
             PreparedStatement copy = connection.prepareStatement(
                     "UPDATE endpoint SET connection = (SELECT connection FROM endpoint WHERE name = 'src') WHERE name = 'dst'")) {
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }
        reopen();

        assertThat(endpoints.show("src").connection()).containsEntry("username", "demo");
        assertThatThrownBy(() -> endpoints.show("dst"))
                .hasMessageStartingWith("the connection info of endpoint 'dst' fails its integrity check");
    }

    @Test
    void databaseFile_neverHoldsTheSecretInPlaintext() throws Exception {
        endpoints.create(request("secret-holder", FakeProviderFactory.goodConnection()));
        endpoints.validate("secret-holder");
        engine.close();
        engine = Engine.open(home, ProviderRegistry.of(List.of(fake)), Clock.systemUTC());

        byte[] database = Files.readAllBytes(directory.resolve("skylift.mv.db"));

        // The endpoint name proves the row reached this file; the password must not be beside it.
        assertThat(indexOf(database, "secret-holder".getBytes(StandardCharsets.UTF_8))).isNotNegative();
        assertThat(indexOf(database, FakeProviderFactory.PASSWORD.getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(indexOf(database, FakeProviderFactory.PASSWORD.getBytes(StandardCharsets.UTF_16BE))).isNegative();
        assertThat(indexOf(database, FakeProviderFactory.PASSWORD.getBytes(StandardCharsets.UTF_16LE))).isNegative();
    }

    @Test
    void open_createsTheHomeOwnerOnly() throws Exception {
        Path fresh = directory.resolve("fresh/home");

        Engine.open(Home.of(fresh), ProviderRegistry.of(List.of(fake)), Clock.systemUTC()).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    }

    @Test
    void open_refusesAGroupReadableKeyFile() throws Exception {
        endpoints.create(request("src", FakeProviderFactory.goodConnection()));
        engine.close();
        Files.setPosixFilePermissions(home.secretKeyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> Engine.open(home, ProviderRegistry.of(List.of(fake)), Clock.systemUTC()))
                .hasMessageContaining("chmod 600 " + home.secretKeyFile());
        Files.setPosixFilePermissions(home.secretKeyFile(), PosixFilePermissions.fromString("rw-------"));
        engine = Engine.open(home, ProviderRegistry.of(List.of(fake)), Clock.systemUTC());
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
