package org.ilium.surgery;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the surgery content once at start-up: built-in files plus the site's {@code ILIUM_CONTENT_DIR}. */
@Configuration(proxyBeanMethods = false)
class SurgeryConfiguration {
    @Bean
    SurgeryContent surgeryContent(@Value("${ilium.content-dir:}") String dir) {
        return SurgeryContent.load(dir.isBlank() ? null : Path.of(dir));
    }
}
