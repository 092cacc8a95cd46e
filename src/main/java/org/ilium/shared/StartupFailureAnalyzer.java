package org.ilium.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupFailure} anywhere in the cause chain into Spring Boot's plain start-up report. */
public class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {
    @Override
    protected FailureAnalysis analyze(Throwable root, StartupFailure cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), null);
    }
}
