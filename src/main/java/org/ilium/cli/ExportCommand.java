package org.ilium.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ilium.IliumApplication;
import org.ilium.access.AccountService;
import org.ilium.interop.fhir.BulkExport;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.InvalidInputException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ilium export --out DIR [--site CODE] [--type T,...] [--since INSTANT]}: a site's patients as FHIR R4 NDJSON (docs/fhir-export.md). */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, exitCodeOnInvalidInput = 64,
        description = {"Export a site's patients as FHIR R4 NDJSON, one <Type>.ndjson file per resource type (as the Bulk Data $export).",
                "Uses the data directory or database of the configuration (ILIUM_*); a server must not be running on the same data directory."},
        footer = {"", "Exit status: 0 exported, 1 the export could not run, 64 bad usage."})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the NDJSON files into (created if missing).")
    Path out;

    @Option(names = "--site", paramLabel = "CODE", description = "Site to export (default: the configured site, ILIUM_SITE_CODE).")
    String site;

    @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Resource types to export (default: all).")
    java.util.List<String> types;

    @Option(names = "--since", paramLabel = "INSTANT",
            description = "Only resources changed after this instant, such as 2026-01-01T00:00:00Z (as $export's _since).")
    String since;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> wanted;
        try {
            wanted = BulkExport.types(types == null ? null : String.join(",", types));
        } catch (InvalidInputException e) {
            err.println("ilium export: " + e.errors().get(0).message());
            return 64;
        }
        java.time.Instant sinceInstant = null;
        if (since != null) {
            try {
                sinceInstant = java.time.OffsetDateTime.parse(since).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                err.println("ilium export: --since must be an instant such as 2026-01-01T00:00:00Z, not " + since);
                return 64;
            }
        }
        java.time.Instant from = sinceInstant;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IliumApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--logging.level.root=WARN", "--logging.level.org.ilium=WARN", "--spring.main.banner-mode=off")) {
            String code = site != null ? site : context.getEnvironment().getProperty("ilium.site.code");
            Actor actor = context.getBean(AccountService.class).commandLineActor(code);
            BulkExport export = context.getBean(BulkExport.class);
            long started = System.nanoTime();
            Map<String, Integer> counts = CurrentActor.callAs(actor, () -> {
                try {
                    return export.write(out, wanted, from, (done, total, c) -> {
                        err.printf(Locale.ROOT, "\rexport %d/%d patients, %,d resources, %.1f s", done, total,
                                c.values().stream().mapToInt(Integer::intValue).sum(), (System.nanoTime() - started) / 1e9);
                        err.flush();
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            err.println();
            err.flush();
            stdout.printf(Locale.ROOT, "Exported site %s to %s%n", code, out);
            counts.forEach((type, n) -> stdout.printf(Locale.ROOT, "  %-22s %,d%n", type + ".ndjson", n));
            stdout.flush();
            return 0;
        } catch (UncheckedIOException e) {
            err.println("ilium export: " + e.getCause().getMessage());
            return 1;
        } catch (org.ilium.shared.NotFoundException e) {
            err.println("ilium export: " + e.getMessage() + " not found");
            return 1;
        }
    }
}
