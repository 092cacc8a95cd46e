package org.ilium.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.followup.domain.Schedule;
import org.ilium.followup.domain.ScheduledTimepoint;
import org.ilium.shared.web.IfMatch;
import org.ilium.shared.web.JsonInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@Tag(name = "Follow-up", description = "The follow-up schedule of an operated episode: timepoints with windows, statuses and "
        + "instruments, the recovery plan, completions, and the site's response rates.")
class FollowUpController {
    private final FollowUpService service;
    private final ObjectMapper mapper;

    FollowUpController(FollowUpService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/episodes/{episodeId}/follow-up", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The episode's follow-up schedule with statuses today, and the recovery plan; 404 when not enrolled")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID episodeId) {
        return respond(service.get(episodeId), HttpStatus.OK);
    }

    @PutMapping(path = "/api/v1/episodes/{episodeId}/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enrol the episode from {\"surgeryDate\"} (201), or move its schedule (If-Match required, 200)")
    ResponseEntity<Map<String, Object>> put(@PathVariable UUID episodeId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        LocalDate surgeryDate = in.date("surgeryDate", true);
        in.finish();
        boolean existed = exists(episodeId);
        FollowUp f = service.enrol(episodeId, surgeryDate, ifMatch);
        return respond(f, existed ? HttpStatus.OK : HttpStatus.CREATED);
    }

    private boolean exists(UUID episodeId) {
        try {
            service.get(episodeId);
            return true;
        } catch (org.ilium.shared.NotFoundException e) {
            return false;
        }
    }

    @PostMapping(path = "/api/v1/episodes/{episodeId}/follow-up/timepoints/{timepointId}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark a timepoint completed (a paper or phone questionnaire); optional body {\"source\": \"clinician|paper|phone\"}")
    ResponseEntity<Map<String, Object>> complete(@PathVariable UUID episodeId, @PathVariable String timepointId,
            @RequestBody(required = false) byte[] body) {
        String source = "clinician";
        if (body != null && body.length > 0) {
            JsonInput in = JsonInput.parse(body, mapper);
            String s = in.code("source", false, v -> List.of("clinician", "paper", "phone").contains(v)
                    ? java.util.Optional.of(v) : java.util.Optional.empty(), List.of("clinician", "paper", "phone"));
            in.finish();
            if (s != null) {
                source = s;
            }
        }
        return respond(service.complete(episodeId, timepointId, source), HttpStatus.OK);
    }

    @GetMapping(path = "/api/v1/follow-up/response-rates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per timepoint, for the caller's site: episodes whose window has opened, completed, missed, open, and "
            + "rate = completed / (completed + missed)")
    Map<String, Object> responseRates() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", service.today());
        out.put("timepoints", service.responseRates());
        return out;
    }

    private ResponseEntity<Map<String, Object>> respond(FollowUp f, HttpStatus status) {
        return ResponseEntity.status(status).eTag(IfMatch.etag(f.version())).body(view(f, service.today()));
    }

    static Map<String, Object> view(FollowUp f, LocalDate today) {
        Schedule s = f.schedule();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("episodeId", f.episodeId());
        out.put("version", f.version());
        out.put("protocol", Map.of("id", s.protocol().id(), "version", s.protocol().version(), "name", s.protocol().name()));
        out.put("surgeryDate", s.surgeryDate());
        out.put("date", today);
        out.put("timepoints", s.timepoints().stream().map(t -> timepoint(t, today)).toList());
        out.put("recovery", s.recovery().stream().map(m -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", m.milestone().id());
            v.put("label", m.milestone().label());
            v.put("from", m.from());
            v.put("until", m.until());
            v.put("source", m.milestone().source());
            v.put("unverified", m.milestone().unverified());
            return v;
        }).toList());
        return out;
    }

    private static Map<String, Object> timepoint(ScheduledTimepoint t, LocalDate today) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", t.timepoint().id());
        v.put("label", t.timepoint().label());
        v.put("target", t.target());
        v.put("opens", t.opens());
        v.put("closes", t.closes());
        v.put("windowUnverified", t.timepoint().windowUnverified());
        v.put("status", t.statusOn(today).code());
        v.put("instruments", t.timepoint().instruments());
        v.put("completedAt", t.completedAt());
        v.put("completionSource", t.completionSource());
        return v;
    }
}
