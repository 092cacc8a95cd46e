package org.ilium.interop.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/screening}: the site's patients to screen for SIJ work-up, with the imported reasons. */
@RestController
@RequestMapping(path = "/api/v1/screening", produces = MediaType.APPLICATION_JSON_VALUE)
class ScreeningController {
    private static final int MAX_ROWS = 10_000;
    private final FhirImportRepository repository;

    ScreeningController(FhirImportRepository repository) {
        this.repository = repository;
    }

    @GetMapping
    @Transactional(readOnly = true)
    Map<String, Object> screening() {
        Map<UUID, Map<String, Object>> byPatient = new LinkedHashMap<>();
        for (FhirImportRepository.ScreeningReason r : repository.screening(MAX_ROWS)) {
            Map<String, Object> p = byPatient.computeIfAbsent(r.patientId(), id -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("patientId", id.toString());
                m.put("mrn", r.mrn());
                m.put("givenName", r.givenName());
                m.put("familyName", r.familyName());
                m.put("reasons", new ArrayList<Map<String, Object>>());
                return m;
            });
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("system", r.system());
            reason.put("code", r.code());
            reason.put("display", r.display());
            reason.put("onset", r.onset() == null ? null : r.onset().toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reasons = (List<Map<String, Object>>) p.get("reasons");
            reasons.add(reason);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("title", "to screen for SIJ work-up");
        answer.put("items", new ArrayList<>(byPatient.values()));
        return answer;
    }
}
