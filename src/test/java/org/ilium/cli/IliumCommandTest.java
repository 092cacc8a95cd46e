package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IliumCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new IliumCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsServeAndThePortOption() {
        Run run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: ilium", "--port", "serve", "--version");
        assertThat(run("serve", "--help").out()).contains("--port=PORT", "8080");
    }

    @Test
    void versionNamesTheProduct() {
        Run run = run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Ilium ");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("--port", "x").exit()).isEqualTo(64);
        assertThat(run("--bogus").exit()).isEqualTo(64);
        Run negative = run("--port", "-5");
        assertThat(negative.exit()).isEqualTo(64);
        assertThat(negative.err()).contains("--port must be between 0 and 65535");
        assertThat(run("serve", "--port", "70000").err()).contains("--port must be between 0 and 65535");
    }
}
