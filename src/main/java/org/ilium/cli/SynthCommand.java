package org.ilium.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ilium.IliumApplication;
import org.ilium.access.AccountService;
import org.ilium.outcomes.cohort.CohortSummary;
import org.ilium.outcomes.cohort.ProgressListener;
import org.ilium.outcomes.cohort.SyntheticCohort;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
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

/** {@code ilium synth --patients N [--seed S] [--site CODE] [--today DATE]}: a calibrated synthetic cohort (docs/synthetic-cohort.md). */
@Command(name = "synth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, exitCodeOnInvalidInput = 64,
        description = {"Generate a calibrated synthetic cohort into a site: referrals, work-up, candidacy decisions, operations,",
                "complications, revisions and follow-up questionnaires, by the same rules as the API (docs/synthetic-cohort.md).",
                "The same seed and date give the same cohort; MRNs are SYN-<seed>-<index>, so another seed adds another cohort.",
                "Uses the data directory or database of the configuration (ILIUM_*); a server must not be running on the same data directory."},
        footer = {"", "Exit status: 0 generated, 1 could not run (unknown site, cohort of this seed already there), 64 bad usage."})
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--patients", required = true, paramLabel = "N", description = "Patients to generate (1 to 1,000,000).")
    int patients;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--site", paramLabel = "CODE", description = "Site to fill (default: the configured site, ILIUM_SITE_CODE).")
    String site;

    @Option(names = "--today", paramLabel = "DATE", description = "The date the cohort is drawn up to (default: today, UTC).")
    LocalDate today;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (patients < 1 || patients > SyntheticCohort.MAX_PATIENTS) {
            err.println("ilium synth: --patients must be from 1 to " + SyntheticCohort.MAX_PATIENTS);
            return 64;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IliumApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--logging.level.root=WARN", "--logging.level.org.ilium=WARN", "--spring.main.banner-mode=off")) {
            String code = site != null ? site : context.getEnvironment().getProperty("ilium.site.code");
            CohortSummary summary = fill(context, code, patients, seed, today, err);
            print(out, summary, code, seed);
            return 0;
        } catch (InvalidInputException e) {
            err.println();
            err.println("ilium synth: " + e.getMessage());
            return 64;
        } catch (NotFoundException e) {
            err.println("ilium synth: " + e.getMessage() + " not found");
            return 1;
        } catch (ConflictException e) {
            err.println("ilium synth: " + e.getMessage());
            return 1;
        }
    }

    /** Fills the site as its first administrator, with a progress bar on {@code err}. */
    static CohortSummary fill(ConfigurableApplicationContext context, String siteCode, int patients, long seed, LocalDate today,
            PrintWriter err) {
        return fill(context, siteCode, patients, seed, today, err, ProgressListener.NONE);
    }

    /** As {@link #fill(ConfigurableApplicationContext, String, int, long, LocalDate, PrintWriter)}, telling {@code also} of progress too. */
    static CohortSummary fill(ConfigurableApplicationContext context, String siteCode, int patients, long seed, LocalDate today,
            PrintWriter err, ProgressListener also) {
        Actor actor = context.getBean(AccountService.class).commandLineActor(siteCode);
        SyntheticCohort cohort = context.getBean(SyntheticCohort.class);
        LocalDate on = today != null ? today : LocalDate.now(java.time.ZoneOffset.UTC);
        long t0 = System.nanoTime();
        ProgressListener bar = (done, total) -> {
            progress(err, done, total, (System.nanoTime() - t0) / 1e9);
            also.progress(done, total);
        };
        CohortSummary summary = CurrentActor.callAs(actor, () -> cohort.generate(siteCode, patients, seed, on, bar));
        err.println();
        err.flush();
        return summary;
    }

    private static void progress(PrintWriter err, int done, int total, double seconds) {
        int width = 30;
        int filled = (int) ((long) width * done / total);
        err.printf(Locale.ROOT, "\rsynth [%s%s] %3d%%  %,d/%,d patients, %.1f s, %,.0f patients/s", "#".repeat(filled),
                " ".repeat(width - filled), 100L * done / total, done, total, seconds, seconds > 0 ? done / seconds : 0);
        err.flush();
    }

    static void print(PrintWriter out, CohortSummary s, String site, long seed) {
        out.printf(Locale.ROOT, "Generated %,d synthetic patients (seed %d) into site %s in %.2f s: %,.0f patients/s (target 2,000: %.2fx)%n",
                s.patients(), seed, site, s.seconds(), s.patientsPerSecond(), s.patientsPerSecond() / 2000);
        out.printf(Locale.ROOT, "  operated:   %,d%n  responses:  %,d questionnaire responses%n", s.operated(), s.responses());
        out.flush();
    }
}
