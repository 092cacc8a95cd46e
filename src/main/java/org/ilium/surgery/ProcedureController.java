package org.ilium.surgery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.web.IfMatch;
import org.ilium.shared.web.JsonInput;
import org.ilium.surgery.domain.Procedure;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping(path = "/api/v1/episodes/{episodeId}/procedures", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Surgery", description = "Operations of an episode (index and revisions): approach, implants, steps, CPT code checked "
        + "against approach, device and date.")
class ProcedureController {
    private final SurgeryService service;
    private final ObjectMapper mapper;

    ProcedureController(SurgeryService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an operation (version 1); the index procedure moves the episode to operated. "
            + "409 before a positive candidacy decision.")
    ResponseEntity<Map<String, Object>> create(@PathVariable UUID episodeId, @RequestBody byte[] body) {
        Procedure p = read(body, null);
        ProcedureRecord r = service.record(episodeId, p);
        return ResponseEntity.created(URI.create("/api/v1/episodes/" + episodeId + "/procedures/" + r.id()))
                .eTag(IfMatch.etag(r.version())).body(view(r));
    }

    @GetMapping
    @Operation(summary = "The episode's operations by date")
    List<Map<String, Object>> list(@PathVariable UUID episodeId) {
        return service.procedures(episodeId).stream().map(ProcedureController::view).toList();
    }

    @GetMapping("/{procedureId}")
    @Operation(summary = "Read an operation; the ETag is needed to correct it")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID episodeId, @PathVariable UUID procedureId) {
        ProcedureRecord r = service.procedure(episodeId, procedureId);
        return ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(view(r));
    }

    @PutMapping(path = "/{procedureId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct an operation (full body); If-Match required")
    ResponseEntity<Map<String, Object>> correct(@PathVariable UUID episodeId, @PathVariable UUID procedureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        Procedure p = read(body, procedureId);
        ProcedureRecord r = service.correct(episodeId, procedureId, p, ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(view(r));
    }

    private Procedure read(byte[] body, UUID procedureId) {
        CurrentActor.require();
        JsonInput in = JsonInput.parse(body, mapper);
        Procedure p = SurgeryJson.readProcedure(in, new SurgeryJson.Context(service.content(), service.latestToday()));
        readOnly(in, procedureId);
        in.finish();
        return p;
    }

    /** id, version, recordedBy may be sent back as read; a new record takes no id. */
    static void readOnly(JsonInput in, UUID recordId) {
        in.readOnly("version");
        in.readOnly("recordedBy");
        JsonNode id = in.readOnly("id");
        if (id != null && (recordId == null || !id.isString() || !id.stringValue().equals(recordId.toString()))) {
            in.addError("id", recordId == null ? "is given by the server; leave it out" : "does not match the record in the URL");
        }
    }

    static Map<String, Object> view(ProcedureRecord r) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", r.id().toString());
        out.putAll(SurgeryJson.write(r.procedure()));
        out.put("recordedBy", r.recordedBy());
        out.put("version", r.version());
        return out;
    }
}
