package org.ilium.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.ilium.shared.StartupFailure;
import org.ilium.testing.IliumInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clinic's own PostgreSQL, here a separate server this test starts, used through ILIUM_DB_URL. */
class ExternalDatabaseIT {
    static EmbeddedPostgres clinicServer;

    @TempDir
    Path unusedDataDir;

    @BeforeAll
    static void clinicDatabase() throws Exception {
        clinicServer = EmbeddedPostgres.builder().start();
        try (Connection c = clinicServer.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role clinic login password 'clinic-password'");
            s.execute("create database registry owner clinic");
            s.execute("alter role postgres password 'super-password'");
            // like a real server: passwords required (the test launcher trusts everyone)
            try (ResultSet rs = s.executeQuery("show hba_file")) {
                rs.next();
                Files.writeString(Path.of(rs.getString(1)), "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
            }
            s.execute("select pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        clinicServer.close();
    }

    private String url() {
        return "jdbc:postgresql://localhost:" + clinicServer.getPort() + "/registry";
    }

    @Test
    void runsOnTheClinicsDatabaseWithoutAnEmbeddedOne() {
        Path dataDir = unusedDataDir.resolve("ilium-data");
        try (IliumInstance ilium = IliumInstance.start(dataDir, "--ilium.db.url=" + url(), "--ilium.db.user=clinic",
                "--ilium.db.password=clinic-password")) {
            assertThat(ilium.admin().post("/api/v1/patients", toJson(margaret())).status()).isEqualTo(201);
            assertThat(ilium.anonymous().get("/actuator/health").json().path("status").stringValue()).isEqualTo("UP");
        }
        assertThat(Files.exists(dataDir)).as("no embedded database was made").isFalse();
    }

    @Test
    void aSuperuserConnectionIsRefusedBecauseItWouldBypassSiteIsolation() {
        assertThatThrownBy(() -> IliumInstance.start(unusedDataDir, "--ilium.db.url=" + url(), "--ilium.db.user=postgres",
                "--ilium.db.password=super-password"))
                .rootCause().isInstanceOf(StartupFailure.class).hasMessageContaining("superuser");
    }

    @Test
    void aWrongPasswordStopsTheStartAtOnce() {
        assertThatThrownBy(() -> IliumInstance.start(unusedDataDir, "--ilium.db.url=" + url(), "--ilium.db.user=clinic",
                "--ilium.db.password=wrong"))
                .rootCause().isInstanceOf(org.postgresql.util.PSQLException.class)
                .hasMessageContaining("password authentication failed");
    }
}
