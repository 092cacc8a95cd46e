package org.ilium.prom;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ilium.patient.PatientService;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Score;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.web.IfMatch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Questionnaire responses of an episode: recorded once (immutable), scored when recorded by the instrument's rule, read
 * back by episode with optional instrument and timepoint filters. Usable without an HTTP request as long as a
 * {@link CurrentActor} is set (follow-up reminders, imports). Each use case runs in one transaction.
 */
@Service
public class ResponseService {
    /** Where a response came from. */
    public static final List<String> SOURCES = List.of("patient_link", "clinician", "paper", "import");
    public static final String DEFAULT_SOURCE = "clinician";
    private static final Pattern TIMEPOINT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final ResponseRepository responses;
    private final InstrumentCatalog catalog;
    private final PatientService patients;
    private final ObjectMapper mapper;
    private final Clock clock;

    ResponseService(ResponseRepository responses, InstrumentCatalog catalog, PatientService patients, ObjectMapper mapper, Clock clock) {
        this.responses = responses;
        this.catalog = catalog;
        this.patients = patients;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Checks, scores and stores a response. Every problem is reported at once, named as the API's fields:
     * {@code instrument} (unknown), {@code timepoint} (not a code such as 6w), {@code source} (not one of
     * {@link #SOURCES}; null means clinician), {@code collectedOn} (missing or in the future), {@code answers.<item>}
     * (unknown item, value not allowed, blank where the instrument needs an answer). An unknown episode (or another
     * site's) is a {@link NotFoundException}. Nothing is stored unless all is well.
     *
     * @throws InvalidInputException naming each bad field
     */
    @Transactional
    public Response record(UUID episodeId, String timepointId, String instrumentId, Map<String, Object> answers, String source,
            LocalDate collectedOn) {
        List<FieldError> errors = new ArrayList<>();
        Instrument instrument = catalog.find(instrumentId).orElse(null);
        if (instrumentId == null) {
            errors.add(new FieldError("instrument", "is required"));
        } else if (instrument == null) {
            errors.add(new FieldError("instrument", "must be one of " + String.join(", ", catalog.all().stream().map(Instrument::id).toList())));
        }
        if (timepointId != null && !TIMEPOINT.matcher(timepointId).matches()) {
            errors.add(new FieldError("timepoint", "must be a timepoint id such as 6w or 12m (lower-case letters, digits, _ and -)"));
        }
        String src = source == null ? DEFAULT_SOURCE : source;
        if (!SOURCES.contains(src)) {
            errors.add(new FieldError("source", "must be one of " + String.join(", ", SOURCES)));
        }
        if (collectedOn == null) {
            errors.add(new FieldError("collectedOn", "is required"));
        } else if (collectedOn.isAfter(patients.latestToday())) {
            errors.add(new FieldError("collectedOn", "must not be in the future"));
        }
        Score score = null;
        if (instrument != null) {
            try {
                score = instrument.score(answers);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        patients.holdEpisode(episodeId);
        Actor actor = CurrentActor.require();
        ResponseRepository.Row row = new ResponseRepository.Row(UUID.randomUUID(), episodeId, instrument.id(), instrument.version(),
                timepointId, mapper.writeValueAsString(score.answers()), score.score(), score.answered(), score.band(), score.answer(),
                mapper.writeValueAsString(score.flags()), collectedOn, src, actor.username(), clock.instant().truncatedTo(ChronoUnit.MICROS), 1, null, null, null);
        responses.insert(row, actor);
        return toResponse(row);
    }

    /**
     * The episode's responses that are not voided, by date collected, then as recorded; {@code instrumentId} and
     * {@code timepointId} filter when not null.
     */
    @Transactional(readOnly = true)
    public List<Response> responses(UUID episodeId, String instrumentId, String timepointId) {
        return responses(episodeId, instrumentId, timepointId, false);
    }

    /** As {@link #responses(UUID, String, String)}, voided ones included when {@code includeVoided}. */
    @Transactional(readOnly = true)
    public List<Response> responses(UUID episodeId, String instrumentId, String timepointId, boolean includeVoided) {
        patients.episode(episodeId);
        return responses.forEpisode(episodeId, instrumentId, timepointId, includeVoided).stream().map(this::toResponse).toList();
    }

    /**
     * The responses (voided ones left out) of several episodes (a page of a bulk export) in one query, each list as
     * {@link #responses(UUID, String, String)} answers it without filters; episodes without any, or not of the
     * caller's site, are absent.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<Response>> responsesOf(java.util.Collection<UUID> episodeIds) {
        Map<UUID, List<Response>> out = new java.util.HashMap<>();
        responses.forEpisodes(episodeIds).forEach((episode, rows) -> out.put(episode, rows.stream().map(this::toResponse).toList()));
        return out;
    }

    /**
     * Voids a mistaken response (it stays stored, marked with who, when and why, and leaves the default lists):
     * {@code ifMatch} must be "1" (428 without, 412 when stale or already voided); reason is required (1-1000 characters).
     */
    @Transactional
    public Response voidResponse(UUID episodeId, UUID responseId, String reason, String ifMatch) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new InvalidInputException("reason", "is required: why the response is voided (at most 1000 characters)");
        }
        patients.episode(episodeId);
        ResponseRepository.Row row = responses.find(episodeId, responseId, true)
                .orElseThrow(() -> new NotFoundException("Response " + responseId));
        IfMatch.check(ifMatch, row.version());
        if (row.voidedAt() != null) {
            throw new ConflictException("Response " + responseId + " is already voided");
        }
        responses.markVoided(responseId, CurrentActor.require().username(), reason.strip(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return toResponse(responses.find(episodeId, responseId, false).orElseThrow());
    }

    @Transactional(readOnly = true)
    public Response get(UUID episodeId, UUID responseId) {
        patients.episode(episodeId);
        return responses.find(episodeId, responseId, false).map(this::toResponse)
                .orElseThrow(() -> new NotFoundException("Response " + responseId));
    }

    private Response toResponse(ResponseRepository.Row r) {
        Map<String, Object> answers = mapper.readValue(r.answers(), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Boolean> flags = mapper.readValue(r.flags(), new TypeReference<LinkedHashMap<String, Boolean>>() { });
        return new Response(r.id(), r.episodeId(), r.instrumentId(), r.instrumentVersion(), r.timepointId(), answers, r.score(),
                r.answered(), r.band(), r.answer(), flags, r.collectedOn(), r.source(), r.recordedBy(), r.createdAt(), r.version(),
                r.voidedAt(), r.voidedBy(), r.voidReason());
    }
}
