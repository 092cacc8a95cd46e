package org.ilium.cli;

import java.util.concurrent.Callable;
import org.ilium.IliumApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64, versionProvider = VersionProvider.class,
        description = "Run the web server and API (the default command).")
final class ServeCommand implements Callable<Integer> {
    static final class ServerOptions {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        int port = 8080;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
                description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
        void setPort(int port) {
            if (port < 0 || port > 65535) {
                throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
            }
            this.port = port;
        }
    }

    @ParentCommand
    IliumCommand parent;

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() {
        return serve(parent, options);
    }

    static int serve(IliumCommand root, ServerOptions options) {
        try {
            SpringApplication app = new SpringApplication(IliumApplication.class);
            app.setMainApplicationClass(IliumApplication.class);
            app.run("--server.port=" + options.port);
            root.serving = true;
            return 0;
        } catch (RuntimeException e) {
            // Spring Boot has already reported why (see the log above).
            return 1;
        }
    }
}
