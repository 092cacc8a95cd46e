package org.ilium.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's one FhirContext: expensive to build (it scans the model), thread-safe once built. */
@Configuration
class FhirConfiguration {
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
