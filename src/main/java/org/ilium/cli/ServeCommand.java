package org.ilium.cli;

import java.util.concurrent.Callable;
import org.ilium.IliumApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the web server and API (the default command).")
final class ServeCommand implements Callable<Integer> {
    static final class ServerOptions {
        @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
                description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
        int port;
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
        if (options.port < 0 || options.port > 65535) {
            System.err.println("ilium: --port must be between 0 and 65535");
            return 64;
        }
        try {
            SpringApplication.run(IliumApplication.class, "--server.port=" + options.port);
            root.serving = true;
            return 0;
        } catch (RuntimeException e) {
            // Spring Boot has already reported why (see the log above).
            return 1;
        }
    }
}
