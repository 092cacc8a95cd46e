package org.ilium.surgery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ilium.patient.PatientService;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.web.IfMatch;
import org.ilium.shared.web.JsonInput;
import org.ilium.surgery.domain.Complication;
import org.ilium.surgery.domain.Procedure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Procedures (operations and revisions) and complications of an episode. Each use case runs in one
 * transaction, so a refused request leaves nothing behind. A procedure needs a positive candidacy
 * decision made no later than the operation; the first (index) procedure moves the episode to operated.
 */
@Service
public class SurgeryService {
    static final String MOVE_REASON = "procedure recorded";

    private final SurgeryRepository repository;
    private final PatientService patients;
    private final SurgeryContent content;
    private final ApplicationEventPublisher events;
    private final ObjectMapper mapper;
    private final Clock clock;

    SurgeryService(SurgeryRepository repository, PatientService patients, SurgeryContent content, ApplicationEventPublisher events,
            ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.content = content;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    public SurgeryContent content() {
        return content;
    }

    public LocalDate latestToday() {
        return patients.latestToday();
    }

    /** The date of the episode's first non-revision procedure, if one is recorded. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> indexSurgeryDate(UUID episodeId) {
        patients.episode(episodeId);
        return repository.indexDate(episodeId, null);
    }

    /**
     * Stores a procedure (version 1): 404 for an unknown episode; 409 when the episode has no positive
     * candidacy decision, or had it after the procedure's date, or is closed, or for a revision without an
     * index procedure. Recording the index procedure moves a decided or scheduled episode to operated.
     * Publishes {@link ProcedureRecorded}.
     */
    @Transactional
    public ProcedureRecord record(UUID episodeId, Procedure procedure) {
        EpisodeOfCare episode = patients.holdEpisode(episodeId);
        requireDecidedBefore(episode, procedure.date());
        requireComplication(episodeId, procedure.complicationId());
        Optional<LocalDate> index = repository.indexDate(episodeId, null);
        if (procedure.revision()) {
            if (index.isEmpty() || index.get().isAfter(procedure.date())) {
                throw new ConflictException("A revision needs the episode's index procedure recorded on or before its date"
                        + index.map(d -> " (the index procedure is dated " + d + ")").orElse(""));
            }
        } else if (index.isPresent()) {
            throw new ConflictException("The episode already has its index procedure (" + index.get()
                    + "); record a further operation as a revision (revision: true, revisionReason)");
        }
        Actor actor = CurrentActor.require();
        UUID id = UUID.randomUUID();
        repository.insertProcedure(id, episodeId, procedure.date(), procedure.cpt(), procedure.revision(), procedure.complicationId(),
                json(SurgeryJson.write(procedure)), actor, clock.instant());
        if (!procedure.revision()) {
            moveToOperated(episode, procedure.date());
        }
        events.publishEvent(new ProcedureRecorded(episodeId, id, procedure.date(), procedure.revision()));
        return new ProcedureRecord(id, episodeId, 1, actor.username(), procedure);
    }

    /** Replaces a procedure with a corrected version; If-Match required. The same rules as recording apply. */
    @Transactional
    public ProcedureRecord correct(UUID episodeId, UUID procedureId, Procedure procedure, String ifMatch) {
        EpisodeOfCare episode = patients.holdEpisode(episodeId);
        SurgeryRepository.Row current = repository.findProcedure(episodeId, procedureId, true)
                .orElseThrow(() -> new NotFoundException("Procedure " + procedureId));
        IfMatch.check(ifMatch, current.version());
        requireDecidedBefore(episode, procedure.date());
        requireComplication(episodeId, procedure.complicationId());
        Procedure before = toProcedure(current).procedure();
        if (before.revision() != procedure.revision()) {
            throw new InvalidInputException("revision", "cannot be changed by a correction; record the operation anew");
        }
        Optional<LocalDate> otherIndex = repository.indexDate(episodeId, procedureId);
        if (procedure.revision() && repository.indexDate(episodeId, null).map(d -> d.isAfter(procedure.date())).orElse(true)) {
            throw new ConflictException("A revision cannot be dated before the episode's index procedure");
        }
        if (!procedure.revision() && otherIndex.isEmpty() && repository.procedures(episodeId).stream()
                .map(this::toProcedure).filter(r -> r.procedure().revision()).anyMatch(r -> r.procedure().date().isBefore(procedure.date()))) {
            throw new ConflictException("The index procedure cannot be dated after a revision of it");
        }
        Actor actor = CurrentActor.require();
        int version = current.version() + 1;
        repository.updateProcedure(procedureId, version, procedure.date(), procedure.cpt(), procedure.revision(),
                procedure.complicationId(), json(SurgeryJson.write(procedure)), actor, clock.instant());
        if (!procedure.revision() && !procedure.date().equals(before.date())) {
            // a corrected date of the index operation moves what hangs on it (the follow-up schedule)
            events.publishEvent(new ProcedureRecorded(episodeId, procedureId, procedure.date(), false));
        }
        return new ProcedureRecord(procedureId, episodeId, version, actor.username(), procedure);
    }

    @Transactional(readOnly = true)
    public List<ProcedureRecord> procedures(UUID episodeId) {
        patients.episode(episodeId);
        return repository.procedures(episodeId).stream().map(r -> toProcedure(episodeId, r)).toList();
    }

    /**
     * The procedures of several episodes (a page of a bulk export) in one query, each list as {@link #procedures}
     * answers it; episodes without procedures, or not of the caller's site, are absent.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<ProcedureRecord>> proceduresOf(Collection<UUID> episodeIds) {
        Map<UUID, List<ProcedureRecord>> out = new HashMap<>();
        repository.procedures(episodeIds).forEach((episode, rows) -> out.put(episode, rows.stream().map(r -> toProcedure(episode, r)).toList()));
        return out;
    }

    @Transactional(readOnly = true)
    public ProcedureRecord procedure(UUID episodeId, UUID procedureId) {
        patients.episode(episodeId);
        return repository.findProcedure(episodeId, procedureId, false).map(r -> toProcedure(episodeId, r))
                .orElseThrow(() -> new NotFoundException("Procedure " + procedureId));
    }

    /** Stores a complication (version 1); 409 when the episode is closed. */
    @Transactional
    public ComplicationRecord recordComplication(UUID episodeId, Complication complication) {
        EpisodeOfCare episode = patients.holdEpisode(episodeId);
        if (episode.status() == EpisodeStatus.CLOSED) {
            throw new ConflictException("Episode " + episodeId + " is closed, so no complication can be added to it");
        }
        Actor actor = CurrentActor.require();
        UUID id = UUID.randomUUID();
        repository.insertComplication(id, episodeId, complication.code(), complication.onsetDate(), json(SurgeryJson.write(complication)),
                actor, clock.instant());
        return new ComplicationRecord(id, episodeId, 1, actor.username(), complication);
    }

    @Transactional
    public ComplicationRecord correctComplication(UUID episodeId, UUID complicationId, Complication complication, String ifMatch) {
        patients.holdEpisode(episodeId);
        SurgeryRepository.Row current = repository.findComplication(episodeId, complicationId, true)
                .orElseThrow(() -> new NotFoundException("Complication " + complicationId));
        IfMatch.check(ifMatch, current.version());
        Actor actor = CurrentActor.require();
        int version = current.version() + 1;
        repository.updateComplication(complicationId, version, complication.code(), complication.onsetDate(),
                json(SurgeryJson.write(complication)), actor, clock.instant());
        return new ComplicationRecord(complicationId, episodeId, version, actor.username(), complication);
    }

    @Transactional(readOnly = true)
    public List<ComplicationRecord> complications(UUID episodeId) {
        patients.episode(episodeId);
        return repository.complications(episodeId).stream().map(r -> toComplication(episodeId, r)).toList();
    }

    /** As {@link #proceduresOf}, for complications: each list as {@link #complications} answers it. */
    @Transactional(readOnly = true)
    public Map<UUID, List<ComplicationRecord>> complicationsOf(Collection<UUID> episodeIds) {
        Map<UUID, List<ComplicationRecord>> out = new HashMap<>();
        repository.complications(episodeIds).forEach((episode, rows) -> out.put(episode, rows.stream().map(r -> toComplication(episode, r)).toList()));
        return out;
    }

    @Transactional(readOnly = true)
    public ComplicationRecord complication(UUID episodeId, UUID complicationId) {
        patients.episode(episodeId);
        return repository.findComplication(episodeId, complicationId, false).map(r -> toComplication(episodeId, r))
                .orElseThrow(() -> new NotFoundException("Complication " + complicationId));
    }

    /** Whether the episode's candidacy was decided positively no later than {@code date}; 409 with the reason otherwise. */
    private void requireDecidedBefore(EpisodeOfCare episode, LocalDate date) {
        switch (episode.status()) {
            case REFERRED, IN_WORKUP -> throw new ConflictException("Episode " + episode.id() + " is " + episode.status().code()
                    + ": a procedure can only be recorded after a positive candidacy decision");
            case CLOSED -> throw new ConflictException("Episode " + episode.id() + " is closed, so no procedure can be added to it");
            case DECIDED -> {
                if (!Boolean.TRUE.equals(episode.candidate())) {
                    throw new ConflictException("Episode " + episode.id()
                            + " was decided not to be a candidate: a procedure can only be recorded after a positive candidacy decision");
                }
            }
            default -> {
            }
        }
        List<EpisodeTransition> transitions = patients.transitions(episode.patientId(), episode.id());
        Optional<LocalDate> decided = transitions.stream()
                .filter(t -> t.to() == EpisodeStatus.DECIDED && Boolean.TRUE.equals(t.candidate()))
                .reduce((a, b) -> b)
                .map(EpisodeTransition::effectiveOn);
        if (decided.isPresent() && date != null && date.isBefore(decided.get())) {
            throw new ConflictException("The procedure date " + date + " is before the episode's candidacy decision on "
                    + decided.get() + "; a procedure can only be recorded after the decision");
        }
    }

    private void requireComplication(UUID episodeId, UUID complicationId) {
        if (complicationId != null && repository.findComplication(episodeId, complicationId, false).isEmpty()) {
            throw new InvalidInputException("complicationId", "is not a complication of this episode");
        }
    }

    /**
     * The index procedure moves a decided episode through scheduled to operated, and a scheduled one to
     * operated, both effective on the day of the operation.
     */
    private void moveToOperated(EpisodeOfCare episode, LocalDate operatedOn) {
        EpisodeOfCare current = episode;
        if (current.status() == EpisodeStatus.DECIDED) {
            current = patients.move(current.patientId(), current.id(), EpisodeStatus.SCHEDULED, null, MOVE_REASON,
                    IfMatch.etag(current.version()), operatedOn);
        }
        if (current.status() == EpisodeStatus.SCHEDULED) {
            patients.move(current.patientId(), current.id(), EpisodeStatus.OPERATED, null, MOVE_REASON, IfMatch.etag(current.version()),
                    operatedOn);
        }
    }

    private ProcedureRecord toProcedure(SurgeryRepository.Row row) {
        return toProcedure(null, row);
    }

    private ProcedureRecord toProcedure(UUID episodeId, SurgeryRepository.Row row) {
        JsonInput in = JsonInput.parse(row.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), mapper);
        Procedure p = SurgeryJson.readProcedure(in, new SurgeryJson.Context(content, null));
        in.finish();
        return new ProcedureRecord(row.id(), episodeId, row.version(), row.recordedBy(), p);
    }

    private ComplicationRecord toComplication(UUID episodeId, SurgeryRepository.Row row) {
        JsonInput in = JsonInput.parse(row.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), mapper);
        Complication c = SurgeryJson.readComplication(in, new SurgeryJson.Context(content, null));
        in.finish();
        return new ComplicationRecord(row.id(), episodeId, row.version(), row.recordedBy(), c);
    }

    private String json(Object value) {
        return mapper.writeValueAsString(value);
    }
}
