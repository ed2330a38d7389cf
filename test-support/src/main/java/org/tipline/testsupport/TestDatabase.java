package org.tipline.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for one test class, on a real server found in this order: the JDBC URL in
 * {@code TIPLINE_TEST_DB_URL} (CI points it at the machine's server); Testcontainers when a Docker engine answers;
 * an embedded PostgreSQL otherwise. Each database is dropped when the JVM exits.
 */
public final class TestDatabase {

    public static final String INTAKE_ROLE = "tipline_intake";
    public static final String TRIAGE_ROLE = "tipline_triage";
    public static final Map<String, String> PLACEHOLDERS = Map.of("intakeRole", INTAKE_ROLE, "triageRole", TRIAGE_ROLE);

    private static Server server;

    /** Generated per JVM: the application roles need a password where the server does not trust local users. */
    private static final String ROLE_PASSWORD = UUID.randomUUID().toString();

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** An empty database, for tests that prove triage-service applies the migrations itself. */
    public static synchronized TestDatabase empty() {
        Server s = server();
        String name =
                "tipline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        s.execute("CREATE DATABASE " + name);
        s.created.add(name);
        enableRoleLogin();
        return new TestDatabase(name);
    }

    /** A database with the schema and application roles in place. */
    public static TestDatabase migrated() {
        TestDatabase database = empty();
        database.migrate();
        return database;
    }

    public void migrate() {
        Flyway.configure()
                .dataSource(jdbcUrl(), server().user, server().password)
                .placeholders(PLACEHOLDERS)
                .load()
                .migrate();
    }

    /**
     * Creates the application roles ahead of the migration (which then leaves them alone) with a password, so they
     * can sign in on servers that check passwords. Roles belong to the whole server, not one database.
     */
    private static void enableRoleLogin() {
        for (String role : List.of(INTAKE_ROLE, TRIAGE_ROLE)) {
            server().execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
            server().execute("ALTER ROLE " + role + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
        }
    }

    public String jdbcUrl() {
        return server().jdbcUrl(name);
    }

    public String ownerUser() {
        return server().user;
    }

    public String ownerPassword() {
        return server().password;
    }

    public String rolePassword() {
        return ROLE_PASSWORD;
    }

    public String name() {
        return name;
    }

    public Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), server().user, server().password);
    }

    public Connection connectAs(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role, ROLE_PASSWORD);
    }

    /**
     * Runs one statement with {@code parameters} bound in order, as an app writes a row it was handed as a list
     * (SealedTip.insertParameters(), for one); returns the rows it changed.
     */
    public static int update(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement.executeUpdate();
        }
    }

    /** Where the database runs, for tests that inspect it from outside (pg_dump). */
    public String host() {
        return server().host;
    }

    public int port() {
        return server().port;
    }

    private static synchronized Server server() {
        if (server == null) {
            server = Server.find();
            Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated, "drop-test-databases"));
        }
        return server;
    }

    /** One PostgreSQL server: its host, port and a role that may create databases. */
    private static final class Server {
        final String host;
        final int port;
        final String user;
        final String password;
        final List<String> created = new ArrayList<>();

        Server(String host, int port, String user, String password) {
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
        }

        static Server find() {
            String url = System.getenv("TIPLINE_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                return fromUrl(url);
            }
            if (dockerAvailable()) {
                var container = new PostgreSQLContainer("postgres:17-alpine");
                container.start();
                return new Server(
                        container.getHost(),
                        container.getFirstMappedPort(),
                        container.getUsername(),
                        container.getPassword());
            }
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded), "stop-embedded-pg"));
                return new Server("localhost", embedded.getPort(), "postgres", "");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        /** Accepts {@code jdbc:postgresql://host:port/db?user=u&password=p}; the database part is ignored. */
        static Server fromUrl(String url) {
            var uri = java.net.URI.create(url.substring("jdbc:".length()));
            String user = "postgres";
            String password = "";
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv[0].equals("user")) {
                        user = kv[1];
                    } else if (kv[0].equals("password")) {
                        password = kv[1];
                    }
                }
            }
            return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
        }

        static boolean dockerAvailable() {
            boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                    || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
            if (!dockerConfigured) {
                return false;
            }
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                    var statement = c.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "test database statement failed: " + sql.replaceAll("PASSWORD '[^']*'", "PASSWORD ***"), e);
            }
        }

        void dropCreated() {
            for (String name : created) {
                try {
                    execute("DROP DATABASE IF EXISTS " + name.toLowerCase(Locale.ROOT) + " WITH (FORCE)");
                } catch (IllegalStateException e) {
                    // The server may already be gone at JVM exit; leftover test databases are harmless.
                }
            }
        }

        private static void closeQuietly(EmbeddedPostgres embedded) {
            try {
                embedded.close();
            } catch (IOException e) {
                // Shutting down anyway.
            }
        }
    }
}
