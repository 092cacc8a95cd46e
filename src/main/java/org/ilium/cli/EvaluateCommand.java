package org.ilium.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ilium.candidacy.CandidacyContent;
import org.ilium.candidacy.DeterminationText;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.Policy;
import org.ilium.shared.LatestDate;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.StartupFailure;
import org.ilium.workup.CaseFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code ilium evaluate}: candidacy of a self-contained case file, without a server or a database. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = EvaluateCommand.EX_USAGE, versionProvider = VersionProvider.class,
        description = "Decide SI joint fusion candidacy for a case file (docs/case-file.md) against coverage policies.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:eligible (with --all-policies: under at least one policy)",
                " 1:not eligible (under every policy)", " 2:incomplete: something is missing to decide",
                "64:usage error: unknown policy, bad option", "65:the case file is invalid (each bad field is named)",
                "66:the case file cannot be read", "78:a content file (policy) is broken"})
final class EvaluateCommand implements Callable<Integer> {
    static final int EX_USAGE = 64;
    static final int EX_DATAERR = 65;
    static final int EX_NOINPUT = 66;
    static final int EX_CONFIG = 78;

    static final class Which {
        @Option(names = "--policy", paramLabel = "ID", description = "Policy id, e.g. nass-2015 (see --list).")
        String policy;

        @Option(names = "--all-policies", description = "Every policy in effect on the date, side by side.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--json", description = "Print the determination(s) as JSON.")
    boolean json;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Decide as of this date (default: the case's evaluationDate, else today).")
    String date;

    @Parameters(paramLabel = "CASE.json", description = "The case file.")
    Path caseFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = JsonMapper.builder().build();
        LocalDate today = LatestDate.today(java.time.Clock.systemUTC());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(caseFile);
        } catch (NoSuchFileException e) {
            err.println("ilium evaluate: no such file: " + caseFile);
            return EX_NOINPUT;
        } catch (IOException e) {
            err.println("ilium evaluate: cannot read " + caseFile + ": " + e.getMessage());
            return EX_NOINPUT;
        }
        CaseFile file;
        try {
            file = CaseFile.read(bytes, mapper, today);
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                err.println("ilium evaluate: " + caseFile + ": " + error.field() + ": " + error.message());
            }
            return EX_DATAERR;
        }
        LocalDate on;
        try {
            on = date != null ? LocalDate.parse(date) : file.evaluationDate() != null ? file.evaluationDate() : today;
        } catch (DateTimeParseException e) {
            err.println("ilium evaluate: --date must be YYYY-MM-DD, not " + date);
            return EX_USAGE;
        }
        CandidacyContent content;
        try {
            content = CandidacyContent.load(contentDir());
        } catch (StartupFailure e) {
            err.println("ilium evaluate: " + e.getMessage());
            return EX_CONFIG;
        }
        if (which.all) {
            List<Policy> active = content.policies().activeOn(on);
            List<Determination> all = content.evaluator().evaluateAll(file.workupCase(), active, on);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("case", file.workupCase().reference());
                doc.put("evaluationDate", on);
                doc.put("determinations", all);
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                out.print(DeterminationText.sideBySide(all));
            }
            out.flush();
            return best(all.stream().map(Determination::outcome).toList());
        }
        Optional<Policy> policy = content.policies().find(which.policy, on);
        if (policy.isEmpty()) {
            err.println("ilium evaluate: " + content.policies().find(which.policy)
                    .map(p -> "policy " + which.policy + " is not in effect on " + on + " (version " + p.version() + ": "
                            + p.effectiveFrom() + " to " + (p.effectiveTo() == null ? "open" : p.effectiveTo()) + ")")
                    .orElse("unknown policy " + which.policy + "; known: "
                            + content.policies().all().stream().map(Policy::id).distinct().collect(Collectors.joining(", "))));
            return EX_USAGE;
        }
        Determination d = content.evaluator().evaluate(file.workupCase(), policy.get(), on);
        if (json) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(d));
        } else {
            out.print(DeterminationText.detail(d));
        }
        out.flush();
        return code(d.outcome());
    }

    /** Site-edited content (policies copied from clinic-default and changed) lives in ILIUM_CONTENT_DIR. */
    static Path contentDir() {
        String dir = System.getenv("ILIUM_CONTENT_DIR");
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    static int code(Outcome outcome) {
        return switch (outcome) {
            case ELIGIBLE -> 0;
            case NOT_ELIGIBLE -> 1;
            case INCOMPLETE -> 2;
        };
    }

    /** Across policies: eligible under any wins, then incomplete, else not eligible. */
    static int best(List<Outcome> outcomes) {
        if (outcomes.contains(Outcome.ELIGIBLE)) {
            return 0;
        }
        return outcomes.contains(Outcome.INCOMPLETE) || outcomes.isEmpty() ? 2 : 1;
    }
}
