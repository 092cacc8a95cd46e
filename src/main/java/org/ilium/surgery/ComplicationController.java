package org.ilium.surgery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.web.IfMatch;
import org.ilium.shared.web.JsonInput;
import org.ilium.surgery.domain.Complication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping(path = "/api/v1/episodes/{episodeId}/complications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Surgery", description = "Complications of an episode, graded with Clavien-Dindo")
class ComplicationController {
    private final SurgeryService service;
    private final ObjectMapper mapper;

    ComplicationController(SurgeryService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a complication (version 1); 409 when the episode is closed")
    ResponseEntity<Map<String, Object>> create(@PathVariable UUID episodeId, @RequestBody byte[] body) {
        ComplicationRecord r = service.recordComplication(episodeId, read(body, null));
        return ResponseEntity.created(URI.create("/api/v1/episodes/" + episodeId + "/complications/" + r.id()))
                .eTag(IfMatch.etag(r.version())).body(view(r));
    }

    @GetMapping
    @Operation(summary = "The episode's complications by onset date")
    List<Map<String, Object>> list(@PathVariable UUID episodeId) {
        return service.complications(episodeId).stream().map(ComplicationController::view).toList();
    }

    @GetMapping("/{complicationId}")
    @Operation(summary = "Read a complication; the ETag is needed to correct it")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID episodeId, @PathVariable UUID complicationId) {
        ComplicationRecord r = service.complication(episodeId, complicationId);
        return ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(view(r));
    }

    @PutMapping(path = "/{complicationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a complication (full body), for example when it resolves; If-Match required")
    ResponseEntity<Map<String, Object>> correct(@PathVariable UUID episodeId, @PathVariable UUID complicationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        ComplicationRecord r = service.correctComplication(episodeId, complicationId, read(body, complicationId), ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(view(r));
    }

    private Complication read(byte[] body, UUID id) {
        CurrentActor.require();
        JsonInput in = JsonInput.parse(body, mapper);
        Complication c = SurgeryJson.readComplication(in, new SurgeryJson.Context(service.content(), service.latestToday()));
        ProcedureController.readOnly(in, id);
        in.finish();
        return c;
    }

    static Map<String, Object> view(ComplicationRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id().toString());
        out.putAll(SurgeryJson.write(r.complication()));
        out.put("recordedBy", r.recordedBy());
        out.put("version", r.version());
        return out;
    }
}
