package org.ilium.cli;

import java.util.concurrent.Callable;
import org.ilium.candidacy.EvaluationBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ilium bench ...}: speed and memory figures, printed with their targets; never part of the tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, exitCodeOnInvalidInput = 64,
        description = "Measure Ilium's speed on this machine and print the figures against their targets.",
        subcommands = {BenchCommand.Evaluate.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 64;
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
            description = "Candidacy evaluations per second in process (target: 50,000 per core).")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--cases", defaultValue = "10000", description = "Synthetic cases (default ${DEFAULT-VALUE}).")
        int cases;

        @Option(names = "--threads", defaultValue = "1", description = "Threads (default ${DEFAULT-VALUE}).")
        int threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (cases < 1 || threads < 1) {
                spec.commandLine().getErr().println("ilium bench evaluate: --cases and --threads must be at least 1");
                return 64;
            }
            spec.commandLine().getOut().print(EvaluationBenchmark.run(cases, threads));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
