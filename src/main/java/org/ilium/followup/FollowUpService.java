package org.ilium.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ilium.followup.FollowUpRepository.Enrolment;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.Schedule;
import org.ilium.followup.domain.ScheduledTimepoint;
import org.ilium.followup.domain.Timepoint;
import org.ilium.followup.domain.TimepointStatus;
import org.ilium.patient.PatientService;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.web.IfMatch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up use cases, each in one transaction, for the current actor's site (row-level security). "Today" is
 * the date of the application clock.
 */
@Service
public class FollowUpService {
    /** How a completion was obtained. {@code patient_link} is set by {@link PatientLinks#redeem}. */
    public static final Set<String> SOURCES = Set.of("clinician", "paper", "phone", "patient_link");
    static final LocalDate EARLIEST_SURGERY = LocalDate.of(2000, 1, 1);
    static final int LATEST_SURGERY_YEARS_AHEAD = 2;

    private final FollowUpRepository repository;
    private final PatientLinkRepository links;
    private final PatientService patients;
    private final FollowUpProtocols protocols;
    private final Clock clock;

    FollowUpService(FollowUpRepository repository, PatientLinkRepository links, PatientService patients, FollowUpProtocols protocols,
            Clock clock) {
        this.repository = repository;
        this.links = links;
        this.patients = patients;
        this.protocols = protocols;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Starts the episode's follow-up on the default protocol, from {@code surgeryDate}; idempotent: the same
     * date again changes nothing, another date moves the whole schedule (completions are kept, unused patient
     * links are revoked). 404 for an episode not in the caller's site, 409 for a closed episode, 400 for a
     * date before 2000 or more than 2 years ahead.
     */
    @Transactional
    public FollowUp enrol(UUID episodeId, LocalDate surgeryDate) {
        return enrol(episodeId, surgeryDate, null, false);
    }

    /** The API's enrolment: when the episode is enrolled already, {@code ifMatch} must name its version (428, 412). */
    @Transactional
    FollowUp enrol(UUID episodeId, LocalDate surgeryDate, String ifMatch) {
        return enrol(episodeId, surgeryDate, ifMatch, true);
    }

    private FollowUp enrol(UUID episodeId, LocalDate surgeryDate, String ifMatch, boolean checkVersion) {
        checkSurgeryDate(surgeryDate);
        EpisodeOfCare episode = patients.holdEpisode(episodeId);
        var current = repository.find(episodeId, true);
        Instant now = clock.instant();
        if (current.isEmpty()) {
            if (episode.status() == EpisodeStatus.CLOSED) {
                throw new ConflictException("Episode " + episodeId + " is closed, so it cannot be enrolled in follow-up");
            }
            Protocol p = protocols.defaultProtocol();
            repository.insert(new Enrolment(episodeId, p.id(), p.version(), surgeryDate, 1), now);
            return get(episodeId);
        }
        Enrolment e = current.get();
        if (checkVersion) {
            IfMatch.check(ifMatch, e.version());
        }
        if (e.surgeryDate().equals(surgeryDate)) {
            return get(episodeId);
        }
        repository.update(new Enrolment(episodeId, e.protocolId(), e.protocolVersion(), surgeryDate, e.version() + 1), now);
        links.revoke(CurrentActor.require().siteId(), episodeId, null, now);
        return get(episodeId);
    }

    private void checkSurgeryDate(LocalDate surgeryDate) {
        if (surgeryDate == null) {
            throw new InvalidInputException("surgeryDate", "is required");
        }
        LocalDate latest = today().plusYears(LATEST_SURGERY_YEARS_AHEAD);
        if (surgeryDate.isBefore(EARLIEST_SURGERY) || surgeryDate.isAfter(latest)) {
            throw new InvalidInputException("surgeryDate", "must be from " + EARLIEST_SURGERY + " to " + latest);
        }
    }

    /** The episode's schedule with statuses; 404 when the episode is not in the caller's site or not enrolled. */
    @Transactional(readOnly = true)
    public FollowUp get(UUID episodeId) {
        patients.episode(episodeId);
        Enrolment e = repository.find(episodeId, false).orElseThrow(() -> new NotFoundException("Follow-up of episode " + episodeId));
        return new FollowUp(episodeId, e.version(), Schedule.of(protocol(e), e.surgeryDate(), repository.completions(episodeId)));
    }

    /**
     * The follow-ups of several episodes (a page of a bulk export) in two queries, each as {@link #get} answers it;
     * episodes not enrolled, or not of the caller's site, are absent.
     */
    @Transactional(readOnly = true)
    public Map<UUID, FollowUp> followUpsOf(java.util.Collection<UUID> episodeIds) {
        Map<UUID, FollowUp> out = new java.util.HashMap<>();
        List<Enrolment> enrolments = repository.find(episodeIds);
        if (enrolments.isEmpty()) {
            return out;
        }
        Map<UUID, Map<String, Schedule.Completion>> completions = repository.completions(enrolments.stream().map(Enrolment::episodeId).toList());
        for (Enrolment e : enrolments) {
            out.put(e.episodeId(), new FollowUp(e.episodeId(), e.version(),
                    Schedule.of(protocol(e), e.surgeryDate(), completions.getOrDefault(e.episodeId(), Map.of()))));
        }
        return out;
    }

    /**
     * Marks a timepoint completed ({@code source}: clinician, paper, phone or patient_link). A timepoint
     * completed already stays as first recorded. 404 for an unknown timepoint, 409 before its window opens,
     * 400 for an unknown source.
     */
    @Transactional
    public FollowUp complete(UUID episodeId, String timepointId, String source) {
        if (source == null || !SOURCES.contains(source)) {
            throw new InvalidInputException("source", "must be one of " + String.join(", ", SOURCES.stream().sorted().toList()));
        }
        patients.holdEpisode(episodeId);
        FollowUp followUp = get(episodeId);
        ScheduledTimepoint tp = scheduled(followUp, timepointId);
        if (tp.completedAt() != null) {
            return followUp;
        }
        if (tp.statusOn(today()) == TimepointStatus.UPCOMING) {
            throw new ConflictException("The window of timepoint " + timepointId + " opens on " + tp.opens()
                    + "; it cannot be completed before");
        }
        repository.complete(episodeId, timepointId, clock.instant(), source, CurrentActor.require().username());
        return get(episodeId);
    }

    static ScheduledTimepoint scheduled(FollowUp followUp, String timepointId) {
        return followUp.schedule().timepoints().stream().filter(t -> t.timepoint().id().equals(timepointId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Timepoint " + timepointId + " of the follow-up of episode " + followUp.episodeId()));
    }

    /** Every enrolled episode of the caller's site with its schedule. */
    @Transactional(readOnly = true)
    public List<FollowUp> enrolled() {
        Map<UUID, Map<String, Schedule.Completion>> done = repository.allCompletions();
        List<FollowUp> out = new ArrayList<>();
        for (Enrolment e : repository.all()) {
            out.add(new FollowUp(e.episodeId(), e.version(), Schedule.of(protocol(e), e.surgeryDate(), done.getOrDefault(e.episodeId(), Map.of()))));
        }
        return out;
    }

    /** Response per timepoint for the caller's site, on today's date, in protocol order. */
    @Transactional(readOnly = true)
    public List<ResponseRate> responseRates() {
        LocalDate today = today();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Timepoint t : protocols.defaultProtocol().timepoints()) {
            counts.put(t.id(), new int[3]);
            labels.put(t.id(), t.label());
        }
        for (FollowUp f : enrolled()) {
            for (ScheduledTimepoint tp : f.schedule().timepoints()) {
                labels.putIfAbsent(tp.timepoint().id(), tp.timepoint().label());
                int[] c = counts.computeIfAbsent(tp.timepoint().id(), k -> new int[3]);
                TimepointStatus s = tp.statusOn(today);
                if (s == TimepointStatus.COMPLETED) {
                    c[0]++;
                } else if (s == TimepointStatus.MISSED) {
                    c[1]++;
                } else if (s.answerable()) {
                    c[2]++;
                }
            }
        }
        List<ResponseRate> out = new ArrayList<>();
        counts.forEach((id, c) -> out.add(new ResponseRate(id, labels.get(id), c[0] + c[1] + c[2], c[0], c[1], c[2],
                c[0] + c[1] == 0 ? null : (double) c[0] / (c[0] + c[1]))));
        return out;
    }

    Protocol protocol(Enrolment e) {
        return protocols.find(e.protocolId(), e.protocolVersion()).orElseThrow(() -> new IllegalStateException(
                "follow-up protocol " + e.protocolId() + " version " + e.protocolVersion() + " is no longer in the content"));
    }
}
