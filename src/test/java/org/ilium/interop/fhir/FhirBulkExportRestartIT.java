package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Bulk Data jobs survive a restart of the server on the same data directory: a finished job's status and files still
 * answer, DELETE still works, a job cut off by the stop is failed with a reason and its partial files removed, and
 * finished jobs expire (row and files) after {@code ilium.bulk-export.expiry}.
 */
class FhirBulkExportRestartIT {
    static final int PATIENTS = 400;
    @TempDir
    Path dataDir;

    @Test
    void jobsSurviveARestartRunningOnesFailAndFinishedOnesExpire() throws Exception {
        Path exports = dataDir.resolve("bulk-export");
        String done;
        String cutOff;
        String patientFile;
        String otherSite;
        try (IliumInstance ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false")) {
            Client admin = ilium.admin();
            Response imported = admin.sendBytes("POST", "/fhir", patients(PATIENTS).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "application/fhir+json");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);

            done = kickOff(admin, "_type=Patient");
            JsonNode manifest = await(admin, done);
            assertThat(manifest.get("output").get(0).get("count").asInt()).isEqualTo(PATIENTS);
            patientFile = admin.get(path(manifest.get("output").get(0).get("url").asText())).body();
            assertThat(patientFile.lines().count()).isEqualTo(PATIENTS);

            // another site's job is stored under the same table but stays invisible to this site after the restart
            Client second = ilium.secondSite("north", "North clinic");
            otherSite = kickOff(second, "_type=Patient");
            await(second, otherSite);

            cutOff = kickOff(admin, null);
            Response running = admin.get(path(cutOff));
            assertThat(running.status()).as("the export must still be running when the server stops").isEqualTo(202);
            assertThat(folders(exports)).hasSize(3);
        } // stops the server with the second export in flight

        try (IliumInstance ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false")) {
            Client admin = ilium.admin();
            Response status = admin.get(path(done));
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.header("Expires")).isNotBlank();
            String url = status.json().get("output").get(0).get("url").asText();
            assertThat(url).startsWith(ilium.base().toString()); // the new port
            Response file = admin.get(path(url));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(patientFile);

            Response failed = admin.get(path(cutOff));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().get("issue").get(0).get("diagnostics").asText()).contains("server stopped while the export was running");
            assertThat(folders(exports)).as("the cut-off job's partial files are removed").hasSize(2);

            Client north = ilium.as("north-admin", "north-password-1");
            assertThat(admin.get(path(otherSite)).status()).isEqualTo(404);
            assertThat(north.get(path(otherSite)).status()).isEqualTo(200);
            assertThat(north.get(path(done)).status()).isEqualTo(404);
            assertThat(north.send("DELETE", path(done), null).status()).isEqualTo(404);

            assertThat(admin.send("DELETE", path(done), null).status()).isEqualTo(202);
            assertThat(admin.get(path(done)).status()).isEqualTo(404);
            assertThat(admin.get(path(url)).status()).isEqualTo(404);
            assertThat(admin.send("DELETE", path(cutOff), null).status()).isEqualTo(202);
            assertThat(folders(exports)).as("deleted jobs' files are removed").hasSize(1);

            await(admin, kickOff(admin, "_type=Patient"));
            assertThat(folders(exports)).hasSize(2);
        }
        Files.createDirectories(exports.resolve("not-a-job"));

        // a short expiry: at start-up every finished job is older than it, so all are deleted with their files
        try (IliumInstance ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false", "--ilium.bulk-export.expiry=PT1S",
                "--ilium.bulk-export.sweep-interval=PT1S")) {
            assertThat(ilium.as("north-admin", "north-password-1").get(path(otherSite)).status()).isEqualTo(404);
            // the last job may have finished less than the expiry before this start: then the sweep (every second) takes it
            long expired = System.nanoTime() + 20_000_000_000L;
            while (!folders(exports).isEmpty() && System.nanoTime() < expired) {
                Thread.sleep(200);
            }
            assertThat(folders(exports)).as("expired jobs' and orphaned folders are removed").isEmpty();
            // and the periodic sweep expires a job finished while the server runs
            Client admin = ilium.admin();
            String fresh = kickOff(admin, "_type=Patient");
            await(admin, fresh);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (admin.get(path(fresh)).status() != 404 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(admin.get(path(fresh)).status()).isEqualTo(404);
            assertThat(folders(exports)).isEmpty();
        }
    }

    static String kickOff(Client client, String query) {
        Response r = client.send("GET", "/fhir/$export" + (query == null ? "" : "?" + query), null, "Prefer", "respond-async");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.header("Content-Location");
    }

    static JsonNode await(Client client, String statusUrl) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Response r = client.get(path(statusUrl));
            if (r.status() == 200) {
                return r.json();
            }
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            Thread.sleep(100);
        }
        throw new AssertionError("export did not finish: " + statusUrl);
    }

    /** The path of an absolute URL of the instance (the port changes across restarts). */
    static String path(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    static List<Path> folders(Path exports) throws java.io.IOException {
        if (!Files.isDirectory(exports)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(exports)) {
            return new ArrayList<>(s.toList());
        }
    }

    /** A collection Bundle of {@code n} patients. */
    static String patients(int n) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"fullUrl\":\"urn:uuid:").append(new java.util.UUID(7, i)).append("\",\"resource\":{\"resourceType\":\"Patient\",")
                    .append("\"id\":\"p").append(i).append("\",\"identifier\":[{\"type\":{\"coding\":[{\"system\":")
                    .append("\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"value\":\"RST-").append(i)
                    .append("\"}],\"name\":[{\"family\":\"Restart\",\"given\":[\"Pat").append(i).append("\"]}],\"gender\":\"female\",")
                    .append("\"birthDate\":\"1960-01-").append(String.format("%02d", 1 + i % 28)).append("\"}}");
        }
        return b.append("]}").toString();
    }
}
