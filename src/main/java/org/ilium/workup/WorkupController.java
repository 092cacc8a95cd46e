package org.ilium.workup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.web.IfMatch;
import org.ilium.shared.web.JsonInput;
import org.ilium.shared.web.ProblemHandler;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
@RequestMapping(path = "/api/v1/episodes/{episodeId}/workup", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Work-up", description = "The SI joint work-up of an episode: pain scores, ODI, provocation tests, blocks, "
        + "conservative care, imaging, risk factors, symptom history, planned procedure. Corrections keep every version.")
class WorkupController {
    static final int REASON_MAX = 1000;
    private static final List<String> KINDS = Arrays.stream(WorkupKind.values()).map(WorkupKind::path).toList();

    record VersionView(int version, String recordedBy, Instant at, String reason, Map<String, Object> record) {
        static VersionView of(WorkupVersion v) {
            return new VersionView(v.version(), v.recordedBy(), v.at(), v.reason(), WorkupWriter.write(v.item()));
        }
    }

    @Schema(name = "WorkupRecordInput", description = "One work-up record; its fields depend on the kind (docs/api.md, Work-up). "
            + "Common: date (required, not in the future), source. recordedBy is the signed-in user; a value sent is ignored. "
            + "On PUT, id and version may be sent back as read, and reason says why the record is corrected.",
            example = "{\"date\": \"2026-02-16\", \"nrs\": 7, \"side\": \"left\", \"locations\": [\"buttock\"]}")
    static final class RecordInput {
    }

    /** A kind that is not in the URL space; answered 404 naming the kinds. */
    static final class UnknownKindException extends RuntimeException {
        UnknownKindException() {
            super("unknown work-up kind");
        }
    }

    private final WorkupService service;
    private final ObjectMapper mapper;

    WorkupController(WorkupService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "The episode's current work-up, by kind",
            description = "An object with one list per kind (painScores, odi, provocationTests, fortin, injections, conservativeCare, "
                    + "imaging, riskFactors, symptomHistory, plannedProcedures), each by date; the same shape as a case file.")
    Map<String, List<Map<String, Object>>> all(@PathVariable UUID episodeId) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        service.records(episodeId).forEach((kind, records) -> out.put(kind.field(), records.stream().map(WorkupController::view).toList()));
        return out;
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a work-up finding (version 1); 409 when the episode is closed",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = RecordInput.class))))
    ResponseEntity<Map<String, Object>> create(@PathVariable UUID episodeId, @PathVariable @Parameter(schema = @Schema(allowableValues = {
            "pain-scores", "odi", "provocation-tests", "fortin", "injections", "conservative-care", "imaging", "risk-factors",
            "symptom-history", "planned-procedures"})) String kind, @RequestBody byte[] body) {
        WorkupKind k = kind(kind);
        JsonInput in = JsonInput.parse(body, mapper);
        WorkupItem item = read(k, in, null);
        in.finish();
        WorkupRecord record = service.record(episodeId, item);
        return ResponseEntity.created(URI.create("/api/v1/episodes/" + episodeId + "/workup/" + k.path() + "/" + record.id()))
                .eTag(IfMatch.etag(record.version())).body(view(record));
    }

    @GetMapping("/{kind}")
    @Operation(summary = "The current records of one kind, by date")
    List<Map<String, Object>> list(@PathVariable UUID episodeId, @PathVariable String kind) {
        return service.records(episodeId, kind(kind)).stream().map(WorkupController::view).toList();
    }

    @GetMapping("/{kind}/{recordId}")
    @Operation(summary = "Read a record; the ETag is needed to correct it")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID episodeId, @PathVariable String kind, @PathVariable UUID recordId) {
        WorkupRecord record = service.get(episodeId, kind(kind), recordId);
        return ResponseEntity.ok().eTag(IfMatch.etag(record.version())).body(view(record));
    }

    @PutMapping(path = "/{kind}/{recordId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a record (full body, optional reason); If-Match required. The earlier versions are kept.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = RecordInput.class))))
    ResponseEntity<Map<String, Object>> correct(@PathVariable UUID episodeId, @PathVariable String kind, @PathVariable UUID recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        WorkupKind k = kind(kind);
        JsonInput in = JsonInput.parse(body, mapper);
        WorkupItem item = read(k, in, recordId);
        String reason = in.text("reason", false, REASON_MAX);
        in.finish();
        WorkupRecord record = service.correct(episodeId, recordId, item, reason, ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(record.version())).body(view(record));
    }

    @GetMapping("/{kind}/{recordId}/history")
    @Operation(summary = "Every version of a record, oldest first: who wrote it, when, why, and what it said")
    List<VersionView> history(@PathVariable UUID episodeId, @PathVariable String kind, @PathVariable UUID recordId) {
        return service.history(episodeId, kind(kind), recordId).stream().map(VersionView::of).toList();
    }

    @ExceptionHandler(UnknownKindException.class)
    ResponseEntity<ProblemDetail> unknownKind(UnknownKindException e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is no such kind of work-up record. The kinds are " + String.join(", ", KINDS) + ".");
        p.setProperty("kinds", KINDS);
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    private WorkupItem read(WorkupKind kind, JsonInput in, UUID recordId) {
        WorkupItem item = WorkupReader.read(kind, in, new WorkupReader.Context(recordId == null ? null : recordId.toString(),
                CurrentActor.require().username(), service.latestToday()));
        JsonNode id = in.readOnly("id");
        if (id != null && (recordId == null || !id.isString() || !id.stringValue().equals(recordId.toString()))) {
            in.addError("id", recordId == null ? "is given by the server; leave it out" : "does not match the record in the URL");
        }
        return item;
    }

    private static WorkupKind kind(String path) {
        return WorkupKind.fromPath(path).orElseThrow(UnknownKindException::new);
    }

    /** A record as WorkupWriter writes it, with its version. */
    static Map<String, Object> view(WorkupRecord record) {
        Map<String, Object> fields = WorkupWriter.write(record.item());
        fields.put("version", record.version());
        return fields;
    }
}
