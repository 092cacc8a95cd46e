package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.ilium.testing.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ilium demo} on the packaged jar: serves a site 'demo' with 500 synthetic patients, filled on the first start only. */
class DemoCommandIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private Process launch(Path log, int port) throws IOException {
        return PackagedJar.start(log, Map.of(), "demo", "--port", Integer.toString(port), "--data-dir", work.resolve("demo").toString());
    }

    private static String waitForLogin(Path log, Process p) throws Exception {
        for (int i = 0; i < 360; i++) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("password: ")) {
                return text;
            }
            if (!p.isAlive()) {
                throw new AssertionError("demo stopped: " + text);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("demo did not start: " + Files.readString(log));
    }

    private static String get(int port, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:synthetic-demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void servesFiveHundredSyntheticPatientsFilledOnce() throws Exception {
        int port = PackagedJar.freePort();
        Path firstLog = work.resolve("first.log");
        Process first = launch(firstLog, port);
        try {
            String text = waitForLogin(firstLog, first);
            assertThat(text).contains("Generated 500 synthetic patients (seed 1) into site demo").contains("user:     demo")
                    .contains("password: synthetic-demo");
            assertThat(get(port, "/api/v1/patients?mrn=SYN-1-000499")).contains("\"totalItems\":1");
            assertThat(get(port, "/api/v1/patients?size=1")).contains("\"totalItems\":500");
        } finally {
            PackagedJar.stop(first);
        }
        Path secondLog = work.resolve("second.log");
        Process second = launch(secondLog, port);
        try {
            String text = waitForLogin(secondLog, second);
            assertThat(text).doesNotContain("Generated");
            assertThat(get(port, "/api/v1/patients?size=1")).contains("\"totalItems\":500");
        } finally {
            PackagedJar.stop(second);
        }
    }
}
