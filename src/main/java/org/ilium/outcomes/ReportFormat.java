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
    PDF("pdf", "application/pdf"),
    /** Not the report: the raw source rows it is computed from, for checking it independently (command line only). */
    CSV("csv", "text/csv");

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

    /** Whether this build can produce the format (HTML and PDF come with the report document). */
    public boolean available() {
        return this == JSON || this == CSV;
    }

    public static Optional<ReportFormat> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
