package org.ilium.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ilium [COMMAND]}; without a command it serves, as {@code ilium serve}. */
@Command(name = "ilium", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64, versionProvider = VersionProvider.class,
        description = "Care pathway and outcomes registry for sacroiliac joint fusion.",
        footer = {"", "Without a command, Ilium serves (same as 'ilium serve').",
                "Configuration comes from environment variables (ILIUM_DATA_DIR, ILIUM_DB_URL, ...): see README.md."},
        subcommands = {ServeCommand.class, EvaluateCommand.class, BenchCommand.class, ImportCommand.class, ExportCommand.class,
                SynthCommand.class, DemoCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class IliumCommand implements Callable<Integer> {
    @Mixin
    ServeCommand.ServerOptions server = new ServeCommand.ServerOptions();

    /** True once a server is up: then the process lives on after main returns. */
    boolean serving;

    @Override
    public Integer call() {
        return ServeCommand.serve(this, server);
    }

    public static void main(String[] args) {
        IliumCommand root = new IliumCommand();
        int exit = new CommandLine(root).execute(args);
        if (!root.serving) {
            System.exit(exit);
        }
    }
}
