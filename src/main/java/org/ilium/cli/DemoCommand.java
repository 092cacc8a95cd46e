package org.ilium.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ilium.IliumApplication;
import org.ilium.access.AccountService;
import org.ilium.outcomes.cohort.CohortSummary;
import org.ilium.outcomes.cohort.domain.PathwayGenerator;
import org.ilium.patient.PatientBulkRepository;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ilium demo [--port P] [--data-dir DIR]}: serves a demo registry of its own (never the clinic's data directory)
 * whose site {@code demo} is filled with {@value #PATIENTS} synthetic patients on first start, not again on restart.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64, versionProvider = VersionProvider.class,
        description = {"Serve a demo registry filled with " + DemoCommand.PATIENTS + " synthetic patients (site 'demo').",
                "Its data directory is separate from the clinic's: by default 'ilium-demo' beside ILIUM_DATA_DIR.",
                "The administrator is 'demo' with the password printed at start (ILIUM_ADMIN_PASSWORD replaces it on first start)."})
final class DemoCommand implements Callable<Integer> {
    static final int PATIENTS = 500;
    static final long SEED = 1;
    static final String SITE = "demo";
    static final String USER = "demo";
    static final String DEFAULT_PASSWORD = "synthetic-demo";

    @ParentCommand
    IliumCommand parent;

    @Mixin
    ServeCommand.ServerOptions options = new ServeCommand.ServerOptions();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Demo data directory (default: ilium-demo beside ILIUM_DATA_DIR).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = dataDir != null ? dataDir : defaultDir(System.getenv("ILIUM_DATA_DIR"));
        String env = System.getenv("ILIUM_ADMIN_PASSWORD");
        String password = env == null || env.isBlank() ? DEFAULT_PASSWORD : env;
        ConfigurableApplicationContext context;
        try {
            SpringApplication app = new SpringApplication(IliumApplication.class);
            app.setMainApplicationClass(IliumApplication.class);
            context = app.run("--server.port=" + options.port, "--ilium.data-dir=" + dir.toAbsolutePath(), "--ilium.db.url=",
                    "--ilium.site.code=" + SITE, "--ilium.site.name=Demo site (synthetic patients)", "--ilium.admin.user=" + USER,
                    "--ilium.admin.password=" + password);
        } catch (RuntimeException e) {
            return 1; // Spring Boot has already reported why
        }
        try {
            fillOnce(context, err, out);
        } catch (RuntimeException e) {
            err.println("ilium demo: could not fill the demo site: " + e.getMessage());
            context.close();
            return 1;
        }
        String port = context.getEnvironment().getProperty("local.server.port", String.valueOf(options.port));
        out.printf("%nIlium demo on http://127.0.0.1:%s/ (data in %s)%n  user:     %s%n  password: %s%n", port, dir.toAbsolutePath(), USER,
                env == null || env.isBlank() ? DEFAULT_PASSWORD : "(ILIUM_ADMIN_PASSWORD)");
        out.flush();
        parent.serving = true;
        return 0;
    }

    /** The cohort goes in on the first start only: its first MRN tells whether it is there. */
    static void fillOnce(ConfigurableApplicationContext context, PrintWriter err, PrintWriter out) {
        Actor actor = context.getBean(AccountService.class).commandLineActor(SITE);
        boolean present = CurrentActor.callAs(actor, () -> context.getBean(PatientBulkRepository.class)
                .mrnExists(PathwayGenerator.mrn(SEED, 0)));
        if (!present) {
            CohortSummary s = SynthCommand.fill(context, SITE, PATIENTS, SEED, null, err);
            SynthCommand.print(out, s, SITE, SEED);
        }
    }

    static Path defaultDir(String dataDir) {
        Path data = Path.of(dataDir == null || dataDir.isBlank() ? "./ilium-data" : dataDir).toAbsolutePath().normalize();
        Path parent = data.getParent();
        return parent == null ? Path.of("ilium-demo").toAbsolutePath() : parent.resolve("ilium-demo");
    }
}
