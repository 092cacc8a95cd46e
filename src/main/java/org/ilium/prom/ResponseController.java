package org.ilium.prom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.shared.web.IfMatch;
import org.ilium.shared.web.JsonInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping(path = "/api/v1/episodes/{episodeId}/responses", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Questionnaires", description = "Questionnaire responses of an episode, stored as answered with their score; immutable.")
class ResponseController {
    static final int SOURCE_MAX = 40;
    static final int TIMEPOINT_MAX = 40;
    static final int INSTRUMENT_MAX = 40;
    static final int REASON_MAX = 1000;

    private final ResponseService service;
    private final InstrumentCatalog catalog;
    private final ObjectMapper mapper;

    ResponseController(ResponseService service, InstrumentCatalog catalog, ObjectMapper mapper) {
        this.service = service;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a questionnaire response: {instrument, timepoint?, collectedOn, answers, source?}; scored and stored")
    ResponseEntity<Map<String, Object>> record(@PathVariable UUID episodeId, @RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        String instrument = in.text("instrument", true, INSTRUMENT_MAX);
        String timepoint = in.text("timepoint", false, TIMEPOINT_MAX);
        java.time.LocalDate collectedOn = in.date("collectedOn", true);
        String source = in.text("source", false, SOURCE_MAX);
        Map<String, Object> answers = AnswersInput.read(in);
        finishWithAnswers(in, instrument, answers);
        Response r = service.record(episodeId, timepoint, instrument, answers, source, collectedOn);
        return ResponseEntity.created(URI.create("/api/v1/episodes/" + episodeId + "/responses/" + r.id())).eTag(IfMatch.etag(r.version())).body(view(r));
    }

    /** Throws with the body's problems and, when the instrument is known, the answers' problems too, all in one 400. */
    private void finishWithAnswers(JsonInput in, String instrument, Map<String, Object> answers) {
        try {
            in.finish();
        } catch (InvalidInputException e) {
            List<FieldError> errors = new ArrayList<>(e.errors());
            catalog.find(instrument).filter(i -> answers != null).ifPresent(i -> {
                try {
                    i.score(answers);
                } catch (InvalidInputException answerErrors) {
                    errors.addAll(answerErrors.errors());
                }
            });
            throw new InvalidInputException(errors);
        }
    }

    @GetMapping
    @Operation(summary = "The episode's responses by date collected; filter by instrument and timepoint; voided ones only with includeVoided=true")
    List<Map<String, Object>> list(@PathVariable UUID episodeId, @RequestParam(required = false) String instrument,
            @RequestParam(required = false) String timepoint, @RequestParam(defaultValue = "false") boolean includeVoided) {
        if (instrument != null) {
            catalog.requireField(instrument, "instrument");
        }
        return service.responses(episodeId, instrument, timepoint, includeVoided).stream().map(ResponseController::view).toList();
    }

    @PostMapping(path = "/{responseId}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Void a mistaken response: {\"reason\": \"...\"}, If-Match \"1\" required; it stays stored, marked voided")
    ResponseEntity<Map<String, Object>> voidResponse(@PathVariable UUID episodeId, @PathVariable UUID responseId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        String reason = in.text("reason", true, REASON_MAX);
        in.finish();
        Response r = service.voidResponse(episodeId, responseId, reason, ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(view(r));
    }

    @GetMapping("/{responseId}")
    @Operation(summary = "One response")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID episodeId, @PathVariable UUID responseId) {
        Response r = service.get(episodeId, responseId);
        return ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(view(r));
    }

    static Map<String, Object> view(Response r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("episodeId", r.episodeId());
        m.put("instrument", r.instrumentId());
        m.put("instrumentVersion", r.instrumentVersion());
        m.put("timepoint", r.timepointId());
        m.put("collectedOn", r.collectedOn());
        m.put("source", r.source());
        m.put("answers", r.answers());
        InstrumentController.putScore(m, r.score(), r.answered(), r.band(), r.answer(), r.flags());
        m.put("recordedBy", r.recordedBy());
        m.put("createdAt", r.createdAt());
        m.put("version", r.version());
        if (r.voided()) {
            m.put("voidedAt", r.voidedAt());
            m.put("voidedBy", r.voidedBy());
            m.put("voidReason", r.voidReason());
        }
        return m;
    }
}
