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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ilium.testing.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as an operator runs it: {@code java -jar target/ilium.jar}, one process per data
 * directory, and recovery after the JVM is killed.
 */
class ProcessIT {
    private static final String PASSWORD = "process-test-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : started) {
            PackagedJar.stop(p);
        }
        assertThat(postmastersOn(work.resolve("data"))).as("no postgres left running").isEmpty();
    }

    private Process launch(Path log, int port) throws IOException {
        Process p = PackagedJar.start(log, PackagedJar.env(work.resolve("data"), PASSWORD), "--port", Integer.toString(port));
        started.add(p);
        return p;
    }

    private static int status(int port, String method, String path, String body) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return HTTP.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits for /actuator/health to answer 200; returns the seconds it took. */
    private static double awaitHealthy(Process p, int port, Path log) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(90)) {
            if (status(port, "GET", "/actuator/health", null) == 200) {
                return (System.nanoTime() - t0) / 1e9;
            }
            assertThat(p.isAlive()).as("server died: " + Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("not healthy after 90 s: " + Files.readString(log));
    }

    private static List<ProcessHandle> postmastersOn(Path dataDir) {
        String pgData = dataDir.resolve("postgres").toString();
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains("bin/postgres") && c.contains(pgData)).orElse(false))
                .toList();
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsRefusedAndChangesNothing() throws Exception {
        int port = PackagedJar.freePort();
        Process first = launch(work.resolve("first.log"), port);
        System.out.printf("startup to healthy (first start, initdb included): %.1f s%n", awaitHealthy(first, port, work.resolve("first.log")));
        Path pid = work.resolve("data/postgres/postmaster.pid");
        String pidBefore = Files.readString(pid);

        Process second = launch(work.resolve("second.log"), PackagedJar.freePort());
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isNotZero();
        assertThat(Files.readString(work.resolve("second.log")))
                .contains("APPLICATION FAILED TO START", "is in use by another Ilium process (pid " + first.pid() + ")");

        assertThat(Files.readString(pid)).isEqualTo(pidBefore);
        assertThat(status(port, "GET", "/api/v1/patients", null)).isEqualTo(200);
    }

    @Test
    void aPostgresLeftRunningByAKilledJvmIsRecovered() throws Exception {
        int port = PackagedJar.freePort();
        Process first = launch(work.resolve("first.log"), port);
        awaitHealthy(first, port, work.resolve("first.log"));
        assertThat(status(port, "POST", "/api/v1/patients",
                "{\"mrn\":\"KILL-1\",\"givenName\":\"Kim\",\"familyName\":\"Lee\",\"birthDate\":\"1970-01-01\",\"sex\":\"male\"}"))
                .isEqualTo(201);

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<ProcessHandle> orphans = postmastersOn(work.resolve("data"));
        assertThat(orphans).as("kill -9 leaves the postmaster running").hasSize(1);

        Process second = launch(work.resolve("second.log"), port);
        System.out.printf("startup to healthy (after kill -9, orphan stopped): %.1f s%n", awaitHealthy(second, port, work.resolve("second.log")));
        assertThat(Files.readString(work.resolve("second.log"))).contains("left running", "Stopped the orphaned PostgreSQL");
        assertThat(orphans.get(0).isAlive()).isFalse();
        assertThat(postmastersOn(work.resolve("data"))).hasSize(1);
        assertThat(status(port, "GET", "/api/v1/patients?mrn=KILL-1", null)).isEqualTo(200);

        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(postmastersOn(work.resolve("data"))).as("a normal stop stops postgres").isEmpty();

        Process third = launch(work.resolve("third.log"), port);
        System.out.printf("startup to healthy (normal restart): %.1f s%n", awaitHealthy(third, port, work.resolve("third.log")));
    }
}
