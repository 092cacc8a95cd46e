package org.ilium.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.outcomes.report.OutcomeReportDocument;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.document.DocumentRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/outcomes/report}: the outcome report of the caller's site as JSON (docs/outcomes-report.md), or as
 * the HTML or PDF document (docs/outcome-report-document.md).
 * Every query parameter is optional; unknown or malformed ones are refused together in one 400.
 */
@RestController
class OutcomeReportController {
    private static final Set<String> PARAMETERS = Set.of("from", "to", "asOf", "approach", "policy", "format");

    private final OutcomeReports reports;
    private final OutcomeReportDocument document = new OutcomeReportDocument(new DocumentRenderer());

    OutcomeReportController(OutcomeReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/v1/outcomes/report", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE,
            MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "The outcome report of the caller's site: per timepoint pain and ODI with changes and responder shares, "
            + "complications, revision-free survival, subgroups and published benchmarks. Filters: from, to (surgery dates), "
            + "asOf (report date), approach, policy, and subgroups as factor=group (age, symptom_duration, smoking, opioids, "
            + "prior_lumbar_fusion). As JSON, or as the report document: format=html or format=pdf, or Accept: text/html or "
            + "application/pdf (format wins).")
    ResponseEntity<byte[]> report(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> subgroups = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given once"));
            } else if (!PARAMETERS.contains(name)) {
                if (reports.subgroupFactors().containsKey(name) && !name.equals("approach")) {
                    subgroups.put(name, values.get(0));
                } else {
                    errors.add(new FieldError(name, "is not a parameter of the report: use from, to, asOf, approach, policy, format or a "
                            + "subgroup factor (age, symptom_duration, smoking, opioids, prior_lumbar_fusion)"));
                }
            }
        });
        LocalDate from = date(query.getFirst("from"), "from", errors);
        LocalDate to = date(query.getFirst("to"), "to", errors);
        LocalDate asOf = date(query.getFirst("asOf"), "asOf", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", "must not be before from (" + from + ")"));
            to = null;
        }
        String format = query.getFirst("format");
        ReportFormat chosen = fromAccept(accept);
        if (format != null) {
            ReportFormat f = ReportFormat.of(format).orElse(null);
            if (f == null) {
                errors.add(new FieldError("format", "must be json, html or pdf"));
            } else if (f == ReportFormat.CSV) {
                errors.add(new FieldError("format", "csv (the raw data) is written by ilium report --format csv only"));
            } else if (!f.available()) {
                errors.add(new FieldError("format", f.code() + " is not available yet in this build; use json"));
            } else {
                chosen = f;
            }
        }
        // the names in the filter are checked even when other parameters are wrong, so one answer names them all
        CohortFilter filter = new CohortFilter(from, to, blankToNull(query.getFirst("approach")), blankToNull(query.getFirst("policy")),
                subgroups);
        try {
            reports.check(filter);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate reportDate = asOf != null ? asOf : reports.today();
        OutcomeReport report = reports.report(filter, reportDate, OutcomeReports.Progress.NONE);
        return switch (chosen) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OutcomeReportJson.bytes(report));
            case HTML -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(document.html(report).getBytes(StandardCharsets.UTF_8));
            case PDF -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"outcome-report-" + reportDate + ".pdf\"")
                    .body(document.pdf(report));
            case CSV -> throw new IllegalStateException("csv is refused above");
        };
    }

    /** PDF or HTML when the client asks for it (a browser's Accept names text/html); JSON otherwise. */
    private static ReportFormat fromAccept(String accept) {
        if (accept == null) {
            return ReportFormat.JSON;
        }
        if (accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
            return ReportFormat.PDF;
        }
        if (accept.contains(MediaType.TEXT_HTML_VALUE) && !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ReportFormat.HTML;
        }
        return ReportFormat.JSON;
    }

    private static LocalDate date(String text, String name, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date YYYY-MM-DD, got " + text));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
