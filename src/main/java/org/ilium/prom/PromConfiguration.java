package org.ilium.prom;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the instruments once at start-up, with the site's {@code ILIUM_CONTENT_DIR}. */
@Configuration(proxyBeanMethods = false)
class PromConfiguration {
    @Bean
    InstrumentCatalog instrumentCatalog(@Value("${ilium.content-dir:}") String dir) {
        return InstrumentCatalog.load(dir.isBlank() ? null : Path.of(dir));
    }
}
