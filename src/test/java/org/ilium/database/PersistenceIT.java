package org.ilium.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ilium.shared.StartupFailure;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What is stored survives a restart; the embedded database is durable and guarded. */
@ExtendWith(OutputCaptureExtension.class)
class PersistenceIT {
    @TempDir
    Path dataDir;

    @Test
    void aPatientAndItsEpisodeSurviveARestart() {
        String patient;
        String episode;
        JsonNode before;
        JsonNode historyBefore;
        try (IliumInstance first = IliumInstance.start(dataDir)) {
            Response created = first.admin().post("/api/v1/patients", toJson(margaret()));
            patient = created.header("Location");
            episode = first.admin().post(patient + "/episodes", "{\"side\":\"bilateral\",\"reason\":\"referral\"}").header("Location");
            first.admin().send("POST", episode + "/transitions", "{\"to\":\"in_workup\",\"reason\":\"work-up\"}", "If-Match", "\"1\"");
            before = first.admin().get(patient).json();
            historyBefore = first.admin().get(episode + "/transitions").json();
            JdbcTemplate jdbc = new JdbcTemplate(first.context().getBean(DataSource.class));
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        }
        try (IliumInstance second = IliumInstance.start(dataDir, "--ilium.admin.password=a-different-password")) {
            Response read = second.admin().get(patient);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(before);
            assertThat(read.header("ETag")).isEqualTo("\"1\"");
            assertThat(second.admin().get(episode).json().path("status").stringValue()).isEqualTo("in_workup");
            assertThat(second.admin().get(episode + "/transitions").json()).isEqualTo(historyBefore);
            assertThat(second.as("admin", "a-different-password").get(patient).status())
                    .as("the administrator is created once, not reset on later starts").isEqualTo(401);
        }
    }

    @Test
    void aGeneratedAdministratorPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
        String password;
        try (IliumInstance first = IliumInstance.start(dataDir, "--ilium.admin.password=")) {
            Matcher m = Pattern.compile("password: (\\S{20})").matcher(output.getOut());
            assertThat(m.find()).as("the generated password is printed").isTrue();
            password = m.group(1);
            assertThat(first.as("admin", password).get("/api/v1/me").status()).isEqualTo(200);
        }
        int printedSoFar = output.getOut().length();
        try (IliumInstance second = IliumInstance.start(dataDir, "--ilium.admin.password=")) {
            assertThat(output.getOut().substring(printedSoFar)).doesNotContain(password).doesNotContain("password: ");
            assertThat(second.as("admin", password).get("/api/v1/me").status()).isEqualTo(200);
        }
        assertThat(output.getAll().indexOf(password)).as("printed exactly once")
                .isEqualTo(output.getAll().lastIndexOf(password));
    }

    @Test
    void aDatabaseMigratedByANewerIliumIsRefusedUntouched() throws Exception {
        try (IliumInstance first = IliumInstance.start(dataDir)) {
            first.admin().post("/api/v1/patients", toJson(margaret()));
            new JdbcTemplate(first.context().getBean(DataSource.class)).update(
                    "insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                            + "execution_time, success) values (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'ilium', 1, true)");
        }
        assertThatThrownBy(() -> IliumInstance.start(dataDir))
                .hasRootCauseInstanceOf(StartupFailure.class)
                .rootCause().hasMessageContaining("migrated by a newer version of Ilium")
                .hasMessageContaining("999");
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("the refused start stopped its database").isFalse();
    }

    @Test
    void theSecretsFileIsPrivateAndTheDataDirectoryLocked() throws Exception {
        try (IliumInstance ilium = IliumInstance.start(dataDir)) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("database.secrets")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("in use by another Ilium process (pid " + ProcessHandle.current().pid() + ")");
            assertThat(ilium.admin().get("/api/v1/me").status()).as("the running instance is unaffected").isEqualTo(200);
        }
    }
}
