package org.ilium.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code -Dilium.jar}, default {@code target/ilium.jar}) run as an operator runs it: {@code java -jar} in a
 * process of its own. The process never inherits {@code ILIUM_DB_URL} (it would use that database instead of the embedded
 * one) nor {@code ILIUM_ADMIN_PASSWORD}; {@code env} sets what it gets (e.g. {@link #env}).
 */
public final class PackagedJar {
    /** A finished run: its exit code, standard output and standard error. */
    public record Run(int exit, String out, String err) {
    }

    private PackagedJar() {
    }

    /** {@code ILIUM_DATA_DIR} and {@code ILIUM_ADMIN_PASSWORD}. */
    public static Map<String, String> env(Path dataDir, String adminPassword) {
        return Map.of("ILIUM_DATA_DIR", dataDir.toString(), "ILIUM_ADMIN_PASSWORD", adminPassword);
    }

    /** {@code java -jar ilium.jar args} with {@code env}; its output is not redirected yet. */
    public static ProcessBuilder command(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("ilium.jar", "target/ilium.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("ILIUM_DB_URL");
        pb.environment().remove("ILIUM_ADMIN_PASSWORD");
        pb.environment().putAll(env);
        return pb;
    }

    /**
     * Runs the jar to its end, its stdout and stderr in {@code workDir}/out.txt and err.txt; fails when it takes longer than
     * {@code timeout} (the process is then killed).
     */
    public static Run run(Path workDir, Map<String, String> env, Duration timeout, String... args) throws IOException, InterruptedException {
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        Process p = command(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ilium did not finish: " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts the jar (a server, say) with stdout and stderr together in {@code log}; stop it with {@link #stop}. */
    public static Process start(Path log, Map<String, String> env, String... args) throws IOException {
        return command(env, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Asks the process to stop (SIGTERM, so it stops its database) and kills it if it has not within 60 s. */
    public static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
