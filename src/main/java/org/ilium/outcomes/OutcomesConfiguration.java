package org.ilium.outcomes;

import java.nio.file.Path;
import org.ilium.outcomes.domain.OutcomeThresholds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the outcome content once at start-up: built-in files plus the site's {@code ILIUM_CONTENT_DIR}. */
@Configuration(proxyBeanMethods = false)
class OutcomesConfiguration {
    @Bean
    BenchmarkLibrary benchmarkLibrary(@Value("${ilium.content-dir:}") String dir) {
        return BenchmarkLibrary.load(dir.isBlank() ? null : Path.of(dir));
    }

    @Bean
    OutcomeThresholds outcomeThresholds(@Value("${ilium.content-dir:}") String dir) {
        return OutcomeThresholdsContent.load(dir.isBlank() ? null : Path.of(dir));
    }
}
