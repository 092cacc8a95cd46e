package org.ilium.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ilium.IliumApplication;
import org.ilium.access.AccountService;
import org.ilium.interop.fhir.FhirImport;
import org.ilium.interop.fhir.ImportSummary;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;

/** {@code ilium import [--site CODE] [--json] PATH...}: FHIR R4 Bundles and NDJSON into a site (docs/fhir-import.md). */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, exitCodeOnInvalidInput = 64,
        description = {"Import FHIR R4 JSON Bundles (transaction or collection) and NDJSON files, or folders of them, into a site.",
                "Idempotent: importing the same data again stores nothing new. A bad Bundle is rejected whole and the rest goes on.",
                "Uses the data directory or database of the configuration (ILIUM_*); a server must not be running on the same data directory."},
        footer = {"", "Exit status: 0 all imported, 2 some Bundles rejected, 1 the import could not run, 64 bad usage."})
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--site", paramLabel = "CODE", description = "Site to import into (default: the configured site, ILIUM_SITE_CODE).")
    String site;

    @Option(names = "--json", description = "Print one JSON object with the figures instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files (.json, .ndjson, also .gz) or folders of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IliumApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--logging.level.root=WARN", "--logging.level.org.ilium=WARN", "--spring.main.banner-mode=off")) {
            String code = site != null ? site : context.getEnvironment().getProperty("ilium.site.code");
            Actor actor = context.getBean(AccountService.class).commandLineActor(code);
            FhirImport importer = context.getBean(FhirImport.class);
            ImportSummary summary = CurrentActor.callAs(actor, () -> {
                try {
                    return importer.importPaths(paths, (filesDone, files, bytesDone, bytes, s) -> progress(err, filesDone, files, bytesDone,
                            bytes, s));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            err.println();
            err.flush();
            if (json) {
                out.println(context.getBean(ObjectMapper.class).writeValueAsString(summary.toMap()));
            } else {
                text(out, summary);
            }
            out.flush();
            return summary.rejected().isEmpty() ? 0 : 2;
        } catch (java.io.UncheckedIOException e) {
            err.println("ilium import: " + e.getCause().getMessage());
            return 1;
        } catch (org.ilium.shared.NotFoundException e) {
            err.println("ilium import: " + e.getMessage() + " not found");
            return 1;
        }
    }

    private static void progress(PrintWriter err, int filesDone, int files, long bytesDone, long bytes, ImportSummary s) {
        int width = 30;
        int filled = bytes == 0 ? width : (int) (width * bytesDone / bytes);
        err.printf(Locale.ROOT, "\rimport [%s%s] %3d%%  %d/%d files, %d bundles, %,d resources, %,d stored, %d rejected, %.1f s",
                "#".repeat(filled), " ".repeat(width - filled), bytes == 0 ? 100 : 100 * bytesDone / bytes, filesDone, files, s.bundles(),
                s.readTotal(), s.storedTotal(), s.rejected().size(), summarySeconds(s));
        err.flush();
    }

    private static double summarySeconds(ImportSummary s) {
        Object seconds = s.toMap().get("seconds");
        return seconds instanceof Double d ? d : 0;
    }

    private static void text(PrintWriter out, ImportSummary s) {
        java.util.Map<String, Object> m = s.toMap();
        out.printf(Locale.ROOT, "Imported %s bundles, %s patients in %s s%n", m.get("bundles"), m.get("patients"), m.get("seconds"));
        for (String key : List.of("read", "stored", "unchanged", "skipped")) {
            out.printf(Locale.ROOT, "  %-10s %s%n", key + ":", m.get(key));
        }
        out.printf(Locale.ROOT, "  chronic low back pain: %s, current smokers: %s, opioid exposed: %s%n", m.get("chronicLowBackPain"),
                m.get("currentSmokers"), m.get("opioidExposed"));
        for (ImportSummary.Rejection r : s.rejected()) {
            out.printf(Locale.ROOT, "  rejected: %s%s: %s%n", r.file(), r.entry() == null ? "" : " " + r.entry(), r.reason());
        }
    }
}
