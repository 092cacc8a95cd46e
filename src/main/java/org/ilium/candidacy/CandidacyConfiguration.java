package org.ilium.candidacy;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads and checks the candidacy content once at start-up: built-in files plus the site's
 * {@code ILIUM_CONTENT_DIR}. A broken file stops the start with its name, place and reason.
 */
@Configuration(proxyBeanMethods = false)
class CandidacyConfiguration {
    @Bean
    CandidacyContent candidacyContent(@Value("${ilium.content-dir:}") String dir) {
        return CandidacyContent.load(dir.isBlank() ? null : Path.of(dir));
    }

    @Bean
    CptCodes cptCodes(@Value("${ilium.content-dir:}") String dir) {
        return CptCodes.load(dir.isBlank() ? null : Path.of(dir));
    }
}
