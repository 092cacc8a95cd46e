package org.ilium.patient;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.Side;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping(path = "/api/v1/patients/{patientId}/episodes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Episodes of care", description = "Treatment courses of a patient and the moves along the pathway")
class EpisodeController {
    record EpisodeView(UUID id, UUID patientId, String side, String status, Boolean candidate, List<String> allowedNext,
            int version) {
        static EpisodeView of(EpisodeOfCare e) {
            return new EpisodeView(e.id(), e.patientId(), e.side().code(), e.status().code(), e.candidate(),
                    e.allowedNext().stream().map(EpisodeStatus::code).toList(), e.version());
        }
    }

    record TransitionView(int seq, String from, String to, Boolean candidate, String reason, String by, Instant at,
            java.time.LocalDate effectiveOn) {
        static TransitionView of(EpisodeTransition t) {
            return new TransitionView(t.seq(), t.from() == null ? null : t.from().code(), t.to().code(), t.candidate(),
                    t.reason(), t.byUsername(), t.at(), t.effectiveOn());
        }
    }

    @Schema(name = "EpisodeInput")
    record EpisodeInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"left", "right", "bilateral"}) String side,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Referred by GP for right buttock pain") String reason,
            @Schema(description = "The date of the referral when it is recorded later (default today)") java.time.LocalDate effectiveOn) {
    }

    @Schema(name = "TransitionInput")
    record TransitionInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"referred", "in_workup", "decided", "scheduled", "operated", "in_follow_up", "closed"}) String to,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Work-up complete, meets policy criteria") String reason,
            @Schema(description = "The candidacy decision; required when moving to decided, refused otherwise") Boolean candidate,
            @Schema(description = "The clinical date of the move when it is recorded later, e.g. for a patient operated "
                    + "before the registry existed (default today; not in the future)") java.time.LocalDate effectiveOn) {
    }

    private static final List<String> SIDES = Arrays.stream(Side.values()).map(Side::code).toList();
    private static final List<String> STATUSES = Arrays.stream(EpisodeStatus.values()).map(EpisodeStatus::code).toList();

    private final PatientService service;
    private final ObjectMapper mapper;

    EpisodeController(PatientService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open an episode (status referred)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = EpisodeInput.class))))
    ResponseEntity<EpisodeView> open(@PathVariable UUID patientId, @RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        Side side = in.code("side", true, Side::fromCode, SIDES);
        String reason = in.text("reason", true, EpisodeOfCare.REASON_MAX);
        java.time.LocalDate effectiveOn = in.date("effectiveOn", false);
        in.finish();
        EpisodeOfCare episode = service.openEpisode(patientId, side, reason, effectiveOn);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/episodes/" + episode.id()))
                .eTag(IfMatch.etag(episode.version())).body(EpisodeView.of(episode));
    }

    @GetMapping
    @Operation(summary = "The patient's episodes")
    List<EpisodeView> list(@PathVariable UUID patientId) {
        return service.episodes(patientId).stream().map(EpisodeView::of).toList();
    }

    @GetMapping("/{episodeId}")
    @Operation(summary = "Read an episode; the ETag is needed to move it")
    ResponseEntity<EpisodeView> get(@PathVariable UUID patientId, @PathVariable UUID episodeId) {
        EpisodeOfCare episode = service.episode(patientId, episodeId);
        return ResponseEntity.ok().eTag(IfMatch.etag(episode.version())).body(EpisodeView.of(episode));
    }

    @PostMapping(path = "/{episodeId}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the episode along the pathway; If-Match required",
            description = "A move the current status does not allow answers 409 and names the allowed ones.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = TransitionInput.class))))
    ResponseEntity<EpisodeView> move(@PathVariable UUID patientId, @PathVariable UUID episodeId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        EpisodeStatus to = in.code("to", true, EpisodeStatus::fromCode, STATUSES);
        String reason = in.text("reason", true, EpisodeOfCare.REASON_MAX);
        Boolean candidate = in.bool("candidate", false);
        java.time.LocalDate effectiveOn = in.date("effectiveOn", false);
        in.finish();
        EpisodeOfCare episode = service.move(patientId, episodeId, to, candidate, reason, ifMatch, effectiveOn);
        return ResponseEntity.ok().eTag(IfMatch.etag(episode.version())).body(EpisodeView.of(episode));
    }

    @GetMapping("/{episodeId}/transitions")
    @Operation(summary = "Every move of the episode: who, when, why")
    List<TransitionView> transitions(@PathVariable UUID patientId, @PathVariable UUID episodeId) {
        return service.transitions(patientId, episodeId).stream().map(TransitionView::of).toList();
    }
}
