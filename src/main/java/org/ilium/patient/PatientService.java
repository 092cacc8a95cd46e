package org.ilium.patient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.Patient;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Side;
import org.ilium.shared.LatestDate;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.Page;
import org.ilium.shared.web.IfMatch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on patients and their episodes; each runs in one transaction, so a refused request leaves nothing. */
@Service
public class PatientService {
    private final PatientRepository patients;
    private final EpisodeRepository episodes;
    private final Clock clock;

    PatientService(PatientRepository patients, EpisodeRepository episodes, Clock clock) {
        this.patients = patients;
        this.episodes = episodes;
        this.clock = clock;
    }

    /** The latest calendar date anywhere on Earth: birth dates after it are in the future. */
    public LocalDate latestToday() {
        return LatestDate.today(clock);
    }

    @Transactional
    public Patient register(PatientDetails details) {
        Patient patient = new Patient(UUID.randomUUID(), details, 1);
        patients.insert(patient);
        return patient;
    }

    @Transactional(readOnly = true)
    public Patient get(UUID id) {
        return patients.find(id).orElseThrow(() -> new NotFoundException("Patient " + id));
    }

    @Transactional
    public Patient replace(UUID id, PatientDetails details, String ifMatch) {
        Patient current = patients.findForUpdate(id).orElseThrow(() -> new NotFoundException("Patient " + id));
        IfMatch.check(ifMatch, current.version());
        Patient updated = new Patient(id, details, current.version() + 1);
        patients.update(updated);
        return updated;
    }

    @Transactional(readOnly = true)
    public Page<Patient> search(PatientSearch search, int page, int size) {
        return patients.search(search, page, size);
    }

    @Transactional
    public EpisodeOfCare openEpisode(UUID patientId, Side side, String reason) {
        return openEpisode(patientId, side, reason, null);
    }

    /** Opens an episode referred on {@code referredOn} (null: today). */
    @Transactional
    public EpisodeOfCare openEpisode(UUID patientId, Side side, String reason, LocalDate referredOn) {
        requirePatient(patientId);
        EpisodeOfCare.Moved referred = EpisodeOfCare.refer(UUID.randomUUID(), patientId, side, reason,
                CurrentActor.require(), now(), referredOn);
        episodes.insert(referred.episode());
        episodes.append(referred.episode().id(), referred.transition());
        return referred.episode();
    }

    @Transactional(readOnly = true)
    public List<EpisodeOfCare> episodes(UUID patientId) {
        requirePatient(patientId);
        return episodes.forPatient(patientId);
    }

    @Transactional(readOnly = true)
    public EpisodeOfCare episode(UUID patientId, UUID episodeId) {
        return episodes.find(patientId, episodeId, false).orElseThrow(() -> episodeNotFound(episodeId));
    }

    /** An episode addressed by its id alone, as modules whose URLs start at the episode do. */
    @Transactional(readOnly = true)
    public EpisodeOfCare episode(UUID episodeId) {
        return episodes.find(episodeId, false).orElseThrow(() -> episodeNotFound(episodeId));
    }

    /**
     * The episode, held until the caller's transaction ends: a move (closing it, say) waits, so what the
     * caller records under the episode cannot race a change of its status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EpisodeOfCare holdEpisode(UUID episodeId) {
        return episodes.find(episodeId, true).orElseThrow(() -> episodeNotFound(episodeId));
    }

    @Transactional
    public EpisodeOfCare move(UUID patientId, UUID episodeId, EpisodeStatus to, Boolean candidate, String reason, String ifMatch) {
        return move(patientId, episodeId, to, candidate, reason, ifMatch, null);
    }

    /** Moves the episode; {@code effectiveOn} is the clinical date of the move (null: today). */
    @Transactional
    public EpisodeOfCare move(UUID patientId, UUID episodeId, EpisodeStatus to, Boolean candidate, String reason, String ifMatch,
            LocalDate effectiveOn) {
        EpisodeOfCare current = episodes.find(patientId, episodeId, true).orElseThrow(() -> episodeNotFound(episodeId));
        IfMatch.check(ifMatch, current.version());
        EpisodeOfCare.Moved moved = current.moveTo(to, candidate, reason, CurrentActor.require(), now(), effectiveOn);
        episodes.update(moved.episode());
        episodes.append(episodeId, moved.transition());
        return moved.episode();
    }

    @Transactional(readOnly = true)
    public List<EpisodeTransition> transitions(UUID patientId, UUID episodeId) {
        episode(patientId, episodeId);
        return episodes.transitions(episodeId);
    }

    /**
     * The episodes of several patients (a page of a bulk export) in one query, each list ordered as {@link #episodes};
     * patients without episodes, or not of the caller's site, are absent.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<EpisodeOfCare>> episodesOf(Collection<UUID> patientIds) {
        return episodes.forPatients(patientIds);
    }

    /** The transitions of several episodes in one query, each list ordered as {@link #transitions}; unknown episodes are absent. */
    @Transactional(readOnly = true)
    public Map<UUID, List<EpisodeTransition>> transitionsOf(Collection<UUID> episodeIds) {
        return episodes.transitions(episodeIds);
    }

    private void requirePatient(UUID patientId) {
        if (!patients.exists(patientId)) {
            throw new NotFoundException("Patient " + patientId);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static NotFoundException episodeNotFound(UUID id) {
        return new NotFoundException("Episode " + id);
    }
}
