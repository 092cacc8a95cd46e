package org.ilium.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/outcomes/report}: the outcome report of the caller's site as JSON (docs/outcomes-report.md).
 * Every query parameter is optional; unknown or malformed ones are refused together in one 400.
 */
@RestController
class OutcomeReportController {
    private static final Set<String> PARAMETERS = Set.of("from", "to", "asOf", "approach", "policy", "format");

    private final OutcomeReports reports;

    OutcomeReportController(OutcomeReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/v1/outcomes/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The outcome report of the caller's site: per timepoint pain and ODI with changes and responder shares, "
            + "complications, revision-free survival, subgroups and published benchmarks. Filters: from, to (surgery dates), "
            + "asOf (report date), approach, policy, and subgroups as factor=group (age, symptom_duration, smoking, opioids, "
            + "prior_lumbar_fusion).")
    ResponseEntity<byte[]> report(@RequestParam MultiValueMap<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> subgroups = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given once"));
            } else if (!PARAMETERS.contains(name)) {
                if (OutcomeReports.subgroupFactors().containsKey(name) && !name.equals("approach")) {
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
        if (format != null) {
            ReportFormat f = ReportFormat.of(format).orElse(null);
            if (f == null) {
                errors.add(new FieldError("format", "must be json, html or pdf"));
            } else if (f == ReportFormat.CSV) {
                errors.add(new FieldError("format", "csv (the raw data) is written by ilium report --format csv only"));
            } else if (!f.available()) {
                errors.add(new FieldError("format", f.code() + " is not available yet in this build; use json"));
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
        byte[] body = OutcomeReportJson.bytes(reports.report(filter, asOf != null ? asOf : reports.today(), OutcomeReports.Progress.NONE));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
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
