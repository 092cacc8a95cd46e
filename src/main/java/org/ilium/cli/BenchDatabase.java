package org.ilium.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ilium.IliumApplication;
import org.ilium.access.AccountService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database an {@code ilium bench} command measures: Ilium without its web server on {@code --data-dir}, or on a
 * temporary directory deleted on close (never a clinic's data), with a throwaway administrator password and quiet logs.
 */
final class BenchDatabase implements AutoCloseable {
    private final Path dir;
    private final boolean temporary;
    private final ConfigurableApplicationContext context;
    private Actor actor;

    private BenchDatabase(Path dir, boolean temporary, ConfigurableApplicationContext context) {
        this.dir = dir;
        this.temporary = temporary;
        this.context = context;
    }

    /** Starts Ilium on {@code dataDir}, or on a new temporary directory when it is null; {@code extraArgs} are more settings. */
    static BenchDatabase open(Path dataDir, String... extraArgs) throws IOException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("ilium-bench-");
        List<String> args = new ArrayList<>(List.of("--ilium.data-dir=" + dir, "--ilium.admin.password=bench-" + UUID.randomUUID(),
                "--logging.level.root=WARN", "--logging.level.org.ilium=WARN", "--spring.main.banner-mode=off"));
        args.addAll(List.of(extraArgs));
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(IliumApplication.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false).run(args.toArray(String[]::new));
            return new BenchDatabase(dir, dataDir == null, context);
        } catch (RuntimeException | Error e) {
            if (dataDir == null) {
                deleteQuietly(dir);
            }
            throw e;
        }
    }

    Path dir() {
        return dir;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** The configured site ({@code ilium.site.code}). */
    String site() {
        return context.getEnvironment().getProperty("ilium.site.code");
    }

    /** The command-line actor of the configured site, looked up on first use. */
    Actor actor() {
        if (actor == null) {
            actor = context.getBean(AccountService.class).commandLineActor(site());
        }
        return actor;
    }

    /** Runs {@code work} as the command-line actor of the site. */
    <T> T callAsActor(Supplier<T> work) {
        return CurrentActor.callAs(actor(), work);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            if (temporary) {
                deleteQuietly(dir);
            }
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
