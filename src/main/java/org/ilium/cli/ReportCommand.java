package org.ilium.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ilium.IliumApplication;
import org.ilium.access.AccountService;
import org.ilium.outcomes.OutcomeReportJson;
import org.ilium.outcomes.OutcomeReports;
import org.ilium.outcomes.ReportFormat;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ilium report [--site CODE] [--from DATE --to DATE] [--approach A] [--policy P] [--subgroup F=G] --format json --out FILE}:
 * the outcome report of a site's cohort (docs/outcomes-report.md), acting as the site's first administrator.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, exitCodeOnInvalidInput = 64,
        description = {"Write the outcome report of a site's operated patients (\"does it really work, here?\").",
                "Uses the data directory or database of the configuration (ILIUM_*); a server must not be running on the same data directory."},
        footer = {"", "Exit status: 0 written, 1 the report could not be made, 64 bad usage."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--site", paramLabel = "CODE", description = "Site (default: the configured site, ILIUM_SITE_CODE).")
    String site;

    @Option(names = "--from", paramLabel = "DATE", description = "First surgery date included (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last surgery date included (YYYY-MM-DD).")
    String to;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Report date (default: today).")
    String asOf;

    @Option(names = "--approach", paramLabel = "CODE", description = "Only this approach, e.g. mis_lateral_transiliac.")
    String approach;

    @Option(names = "--policy", paramLabel = "ID", description = "Only episodes whose work-up met this policy on the day of surgery.")
    String policy;

    @Option(names = "--subgroup", paramLabel = "FACTOR=GROUP", description = "Only this subgroup, e.g. smoking=current (repeatable).")
    Map<String, String> subgroups = new LinkedHashMap<>();

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json, html or pdf; csv writes the raw data the report is computed from.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced when it exists).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat chosen = ReportFormat.of(format).orElse(null);
        if (chosen == null) {
            err.println("ilium report: --format must be one of json, html, pdf, csv");
            return 64;
        }
        if (!chosen.available()) {
            err.println("ilium report: --format " + chosen.code() + " is not available yet in this build; use --format json");
            return 64;
        }
        CohortFilter filter;
        LocalDate reportDate;
        try {
            filter = new CohortFilter(date("--from", from), date("--to", to), approach, policy, subgroups);
            reportDate = date("--as-of", asOf);
        } catch (IllegalArgumentException e) {
            err.println("ilium report: " + e.getMessage());
            return 64;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IliumApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--logging.level.root=WARN", "--logging.level.org.ilium=WARN", "--spring.main.banner-mode=off")) {
            String code = site != null ? site : context.getEnvironment().getProperty("ilium.site.code");
            Actor actor = context.getBean(AccountService.class).commandLineActor(code);
            OutcomeReports reports = context.getBean(OutcomeReports.class);
            long started = System.nanoTime();
            if (chosen == ReportFormat.CSV) {
                CurrentActor.runAs(actor, () -> writeRaw(reports, out));
                stdout.printf(Locale.ROOT, "Raw outcome data of site %s written to %s (%.1f s)%n", code, out, (System.nanoTime() - started) / 1e9);
                stdout.flush();
                return 0;
            }
            OutcomeReport report = CurrentActor.callAs(actor, () -> reports.report(filter,
                    reportDate != null ? reportDate : reports.today(), progress(err, started)));
            err.print("\r\033[K");
            err.flush();
            write(report, chosen, out);
            stdout.printf(Locale.ROOT, "Outcome report of site %s: %,d patients operated, written to %s (%.1f s)%n", code,
                    report.patientsOperated(), out, (System.nanoTime() - started) / 1e9);
            stdout.flush();
            return 0;
        } catch (InvalidInputException e) {
            err.println();
            e.errors().forEach(fe -> err.println("ilium report: --" + option(fe.field()) + " " + fe.message()));
            return 64;
        } catch (NotFoundException e) {
            err.println("ilium report: " + e.getMessage() + " not found");
            return 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("ilium report: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private static void writeRaw(OutcomeReports reports, Path out) {
        try (java.io.Writer w = Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            reports.exportRaw(w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String option(String field) {
        return List.of("approach", "policy", "from", "to").contains(field) ? field : "subgroup " + field;
    }

    /** One updating line on stderr: the stage, rows read and the time so far. */
    static OutcomeReports.Progress progress(PrintWriter err, long started) {
        return (stage, rows) -> {
            err.printf(Locale.ROOT, "\r\033[Kreport: reading %s, %,d rows, %.1f s", stage, rows, (System.nanoTime() - started) / 1e9);
            err.flush();
        };
    }

    /** Writes to a temporary file beside the target and moves it into place, so a failed run leaves no half file. */
    static void write(OutcomeReport report, ReportFormat format, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".report-", ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                switch (format) {
                    case JSON -> OutcomeReportJson.write(report, o);
                    default -> throw new IllegalStateException(format.code() + " is not available");
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date YYYY-MM-DD, got " + text);
        }
    }
}
