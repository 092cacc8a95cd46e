package org.ilium;

import java.time.Clock;
import org.ilium.cli.IliumCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The one Ilium process: the CLI decides what runs; {@code serve} starts this Spring application. */
@SpringBootApplication
public class IliumApplication {

    public static void main(String[] args) {
        IliumCommand.main(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
