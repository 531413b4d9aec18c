package io.cruddur.messaging.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

/**
 * The embedded PostgreSQL, closed to everyone but this machine's user: passwords (scram-sha-256)
 * generated once and kept in files only the owner reads, the socket in a private directory, TCP on
 * loopback only, and the application connected as {@value #APP_ROLE}, a role that owns the schema
 * and nothing else. A data directory made while the engine trusted every local connection is
 * secured on its first start here, keeping its data.
 */
final class PrivatePostgres implements AutoCloseable {
    static final String APP_ROLE = "cruddur";
    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final List<String> PASSWORDS_ONLY = List.of(
            "# Written by cruddur-messaging: a password (scram-sha-256) for every connection, from this machine only.",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");

    private final EmbeddedPostgres server;
    private final String appPassword;

    private PrivatePostgres(EmbeddedPostgres server, String appPassword) {
        this.server = server;
        this.appPassword = appPassword;
    }

    /**
     * Starts the cluster in {@code base/postgres}, with its passwords in {@code base/postgres-passwords}
     * and its socket in {@code privateScratch}; {@code throwaway} removes the cluster at close.
     */
    static PrivatePostgres start(Path base, boolean throwaway, Path privateScratch, int port) throws IOException {
        Path cluster = base.resolve("postgres");
        boolean clusterExists = !throwaway && Files.exists(cluster.resolve("postgresql.conf"));
        Path passwords = base.resolve("postgres-passwords");
        if (clusterExists && !Files.exists(passwords) && !trustsEveryone(cluster)) {
            throw new IOException("PostgreSQL in " + cluster + " needs the passwords that were in " + passwords
                    + "; restore that folder, or delete " + cluster + " to start afresh");
        }
        createPrivateDirectory(passwords);
        Path superuserPassword = passwordFile(passwords.resolve(SUPERUSER));
        String appPassword = Files.readString(passwordFile(passwords.resolve(APP_ROLE)), StandardCharsets.UTF_8);
        Path socket = createPrivateDirectory(privateScratch.resolve("pg"));

        EmbeddedPostgres server = builder(cluster, throwaway, socket, port, superuserPassword)
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", superuserPassword.toString())
                .start();
        try {
            boolean trusted = trustsEveryone(cluster);
            secure(server, Files.readString(superuserPassword, StandardCharsets.UTF_8), appPassword);
            if (trusted) {
                Files.write(cluster.resolve("pg_hba.conf"), PASSWORDS_ONLY, StandardCharsets.UTF_8);
                server.close();
                server = builder(cluster, false, socket, port, superuserPassword).start();
            }
        } catch (IOException | SQLException | RuntimeException failed) {
            server.close();
            throw new IOException("PostgreSQL in " + cluster + " could not be secured", failed);
        }
        return new PrivatePostgres(server, appPassword);
    }

    int port() {
        return server.getPort();
    }

    /** The libpq-style URL the application and the operator commands connect with. */
    String connectionUrl() {
        return "postgresql://" + APP_ROLE + ":" + appPassword + "@127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static EmbeddedPostgres.Builder builder(Path cluster, boolean throwaway, Path socket, int port,
            Path superuserPassword) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(throwaway)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", socket.toString())
                .setConnectConfig("password", Files.readString(superuserPassword, StandardCharsets.UTF_8));
        if (port != 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /**
     * Gives the application role its password and the schema with what is in it (the tables a
     * trusting version created as the superuser), so migrations run as that role.
     */
    private static void secure(EmbeddedPostgres server, String superuserPassword, String appPassword)
            throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + superuserPassword + "'");
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE
                    + "') THEN CREATE ROLE " + APP_ROLE + "; END IF; END $$");
            statement.execute("ALTER ROLE " + APP_ROLE
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + appPassword + "'");
            statement.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            statement.execute("DO $$ DECLARE owned record; BEGIN FOR owned IN"
                    + " SELECT format('ALTER TABLE public.%I OWNER TO " + APP_ROLE + "', tablename) AS change"
                    + " FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '" + APP_ROLE + "'"
                    + " UNION ALL SELECT format('ALTER FUNCTION %s OWNER TO " + APP_ROLE + "', p.oid::regprocedure)"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '" + APP_ROLE + "'"
                    + " LOOP EXECUTE owned.change; END LOOP; END $$");
        }
    }

    private static boolean trustsEveryone(Path cluster) throws IOException {
        Path rules = cluster.resolve("pg_hba.conf");
        return Files.exists(rules) && Files.readAllLines(rules, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\strust$"));
    }

    /** The file holding one generated password (URL-safe, so it fits in a connection URL and in SQL). */
    private static Path passwordFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Files.createFile(file, ownerOnly("rw-------"));
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                    StandardCharsets.UTF_8);
        }
        return file;
    }

    private static Path createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly("rwx------"));
        }
        return directory;
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
