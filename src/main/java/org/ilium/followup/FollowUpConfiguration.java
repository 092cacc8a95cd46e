package org.ilium.followup;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the follow-up protocols once at start-up (built-in plus ILIUM_CONTENT_DIR/protocols); a broken file stops the start. */
@Configuration(proxyBeanMethods = false)
class FollowUpConfiguration {
    @Bean
    FollowUpProtocols followUpProtocols(@Value("${ilium.content-dir:}") String dir,
            @Value("${ilium.followup.protocol:standard}") String defaultProtocol) {
        return FollowUpProtocols.load(dir.isBlank() ? null : Path.of(dir), defaultProtocol);
    }
}
