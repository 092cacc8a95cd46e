package org.ilium.database;

import org.ilium.shared.StartupFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 run by this process on its data directory, so that a newcomer needs no database server.
 *
 * <p>Layout of {@code ILIUM_DATA_DIR}: {@code ilium.lock} (held while a process owns the directory),
 * {@code database.secrets} (generated passwords, owner-readable only) and {@code postgres/} (the cluster).
 * Durability settings are those of a production server (fsync and synchronous commit on), connections
 * are password-authenticated over loopback only, and the application connects as an ordinary role so
 * that row-level security applies to it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    static final String APP_ROLE = "ilium";
    static final String APP_DATABASE = "ilium";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SECRETS_FILE = "database.secrets";
    private static final String PG_DIR = "postgres";
    private static final String HBA = """
            # Written by Ilium at every start: password (SCRAM) authentication, loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final DatabaseEndpoint endpoint;

    private EmbeddedPostgresServer(DataDirectoryLock lock, EmbeddedPostgres postgres, DatabaseEndpoint endpoint) {
        this.lock = lock;
        this.postgres = postgres;
        this.endpoint = endpoint;
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        createPrivateDirectory(dataDir);
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        try {
            Path pgData = dataDir.resolve(PG_DIR);
            stopOrphanedPostmaster(pgData);
            Properties secrets = loadOrCreateSecrets(dataDir.resolve(SECRETS_FILE));
            String superPassword = secrets.getProperty("superuser.password");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    // zonky turns durability off for tests; a registry keeps it on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "50")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setLocaleConfig("locale", "C")
                    .setConnectConfig("password", superPassword)
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .start();
            String appPassword = secrets.getProperty("app.password");
            try {
                prepareRoleAndDatabase(postgres, superPassword, appPassword);
                hardenClientAuthentication(postgres, pgData);
            } catch (SQLException | IOException e) {
                postgres.close();
                throw e;
            }
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_DATABASE;
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pgData.toAbsolutePath());
            return new EmbeddedPostgresServer(lock, postgres, new DatabaseEndpoint(url, APP_ROLE, appPassword, true));
        } catch (StartupFailure e) {
            lock.close();
            throw e;
        } catch (Exception e) {
            lock.close();
            throw new StartupFailure("The embedded PostgreSQL in " + dataDir.toAbsolutePath() + " did not start: " + e,
                    "Check the log above; the data directory was left as it was.", e);
        }
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }

    private static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupFailure("Cannot create the data directory " + dir.toAbsolutePath() + ": " + e.getMessage(),
                    "Set ILIUM_DATA_DIR to a directory this user can write.", e);
        }
    }

    /**
     * A postmaster still running on our cluster while we hold the directory lock was left behind by an
     * Ilium process that was killed: the lock dies with its owner, the postmaster does not. Stop it
     * (fast shutdown, then immediate) so that this process starts the cluster with its own settings.
     */
    static void stopOrphanedPostmaster(Path pgData) throws IOException, InterruptedException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || !isPostmasterOf(pid, pgData)) {
            return; // stale pid file: PostgreSQL itself removes it on start
        }
        log.warn("Found PostgreSQL (pid {}) left running on {} by an Ilium process that ended abruptly; stopping it",
                pid, pgData.toAbsolutePath());
        for (String signal : List.of("INT", "QUIT")) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            try {
                handle.get().onExit().get(signal.equals("INT") ? 60 : 15, TimeUnit.SECONDS);
                log.info("Stopped the orphaned PostgreSQL (pid {})", pid);
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("PostgreSQL (pid {}) did not stop after SIG{}", pid, signal);
            }
        }
        throw new StartupFailure("An orphaned PostgreSQL (pid " + pid + ") on " + pgData.toAbsolutePath() + " does not stop.",
                "Stop process " + pid + " by hand, then start Ilium again.");
    }

    private static boolean isPostmasterOf(long pid, Path pgData) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            return cmdline.contains("postgres") && cmdline.contains(pgData.toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Passwords are generated once, before initdb, and kept beside the cluster, readable by the owner only. */
    private static Properties loadOrCreateSecrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
            if (secrets.getProperty("superuser.password") == null || secrets.getProperty("app.password") == null) {
                throw new StartupFailure("The file " + file.toAbsolutePath() + " is incomplete.",
                        "Restore it from a backup of the data directory.");
            }
            return secrets;
        }
        if (Files.exists(file.resolveSibling(PG_DIR).resolve("PG_VERSION"))) {
            throw new StartupFailure("The database in " + file.getParent().toAbsolutePath() + " exists but "
                    + file.getFileName() + " is missing, so Ilium cannot log in to it.",
                    "Restore " + file.getFileName() + " from a backup of the data directory.");
        }
        secrets.setProperty("superuser.password", randomPassword());
        secrets.setProperty("app.password", randomPassword());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp)) {
            secrets.store(out, "Generated by Ilium for its embedded PostgreSQL. Keep this file with the data.");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file);
        }
        return secrets;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Idempotent, so a start interrupted half-way is completed by the next one. */
    private static void prepareRoleAndDatabase(EmbeddedPostgres postgres, String superPassword, String appPassword)
            throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // Generated passwords are base64url, so they are safe inside a literal.
            s.execute("alter role postgres password '" + superPassword + "'");
            boolean roleExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                roleExists = rs.next();
            }
            s.execute((roleExists ? "alter role " : "create role ") + APP_ROLE
                    + " login nosuperuser nocreatedb nocreaterole nobypassrls password '" + appPassword + "'");
            boolean dbExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + APP_DATABASE + "'")) {
                dbExists = rs.next();
            }
            if (!dbExists) {
                s.execute("create database " + APP_DATABASE + " owner " + APP_ROLE + " template template0 encoding 'UTF8'");
            }
        }
    }

    private static void hardenClientAuthentication(EmbeddedPostgres postgres, Path pgData) throws IOException, SQLException {
        Path hba = pgData.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba).equals(HBA)) {
            return;
        }
        Path tmp = pgData.resolve("pg_hba.conf.tmp");
        Files.writeString(tmp, HBA);
        try {
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }
}
