package org.ilium.database;

import java.nio.file.Path;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** Begins the embedded PostgreSQL's start before the context refreshes, when no external database is set. */
public final class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = context.getEnvironment().getProperty("ilium.db.url", "");
        String dataDir = context.getEnvironment().getProperty("ilium.data-dir");
        if (url.isBlank() && dataDir != null && context instanceof GenericApplicationContext generic) {
            EmbeddedPostgresStartup startup = EmbeddedPostgresStartup.begin(Path.of(dataDir));
            generic.registerBean(EmbeddedPostgresStartup.class, () -> startup);
        }
    }
}
