package org.ilium.outcomes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The forms of the outcome report, for {@code ilium report --format} and the API. JSON is written by
 * {@link OutcomeReportJson}; HTML and PDF are rendered from the same {@link org.ilium.outcomes.domain.OutcomeReport}
 * by the report document ({@link #available()} says which are wired in this build).
 */
public enum ReportFormat {
    JSON("json", "application/json"),
    HTML("html", "text/html"),
    PDF("pdf", "application/pdf");

    private final String code;
    private final String mediaType;

    ReportFormat(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether this build can produce the format: all three (HTML and PDF by OutcomeReportDocument). */
    public boolean available() {
        return true;
    }

    public static Optional<ReportFormat> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
