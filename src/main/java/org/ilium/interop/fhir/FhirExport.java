package org.ilium.interop.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.surgery.SurgeryJson;
import org.ilium.workup.WorkupWriter;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import tools.jackson.databind.ObjectMapper;
import org.ilium.followup.FollowUp;
import org.ilium.followup.FollowUpService;
import org.ilium.patient.PatientSearch;
import org.ilium.patient.PatientService;
import org.ilium.patient.SiteRepository;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.Patient;
import org.ilium.patient.domain.Site;
import org.ilium.prom.InstrumentCatalog;
import org.ilium.prom.Response;
import org.ilium.prom.ResponseService;
import org.ilium.prom.domain.Instrument;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.Page;
import org.ilium.surgery.ComplicationRecord;
import org.ilium.surgery.ProcedureRecord;
import org.ilium.surgery.SurgeryContent;
import org.ilium.surgery.SurgeryService;
import org.ilium.workup.WorkupService;
import org.ilium.workup.domain.WorkupCase;
import org.springframework.stereotype.Service;

/**
 * Reads a patient's records through the capabilities' own services (so site scoping is theirs) and maps them to
 * FHIR resources. Another site's patient is not found.
 */
@Service
class FhirExport {
    private final PatientService patients;
    private final SiteRepository sites;
    private final WorkupService workups;
    private final SurgeryService surgeries;
    private final ResponseService responses;
    private final InstrumentCatalog instruments;
    private final FollowUpService followUps;
    private final FhirExportRepository changes;
    private final ObjectMapper json;

    FhirExport(PatientService patients, SiteRepository sites, WorkupService workups, SurgeryService surgeries,
            ResponseService responses, InstrumentCatalog instruments, FollowUpService followUps, FhirExportRepository changes,
            ObjectMapper json) {
        this.changes = changes;
        this.json = json;
        this.patients = patients;
        this.sites = sites;
        this.workups = workups;
        this.surgeries = surgeries;
        this.responses = responses;
        this.instruments = instruments;
        this.followUps = followUps;
    }

    Site site() {
        UUID siteId = CurrentActor.require().siteId();
        return sites.findById(siteId).orElseThrow(() -> new IllegalStateException("no site " + siteId));
    }

    org.hl7.fhir.r4.model.Patient patient(UUID id) {
        return PatientMapper.map(patients.get(id), site());
    }

    Page<org.hl7.fhir.r4.model.Patient> search(String mrn, String name, java.time.LocalDate birthDate, int page, int size) {
        Site site = site();
        return patients.search(new PatientSearch(mrn, name, birthDate), page, size).map(p -> PatientMapper.map(p, site));
    }

    /** The patient first, then per episode: the episode, work-up, procedures with devices, complications, responses, care plan; questionnaires last. */
    List<Resource> everything(UUID patientId) {
        return everything(patientId, null);
    }

    /**
     * As {@link #everything(UUID)}, keeping only resources changed after {@code since} (null: all). Each resource
     * carries {@code meta.lastUpdated}, the last change of the record it comes from (docs/fhir-export.md: Devices
     * change with their Procedure, the CarePlan with the enrolment or a completion), and {@code meta.source}, the
     * exporting site, by which Ilium's import recognises its own resources. A Questionnaire is kept when a kept
     * resource uses it.
     */
    List<Resource> everything(UUID patientId, Instant since) {
        Patient patient = patients.get(patientId);
        return everything(List.of(patient), since, null).get(patientId);
    }

    /**
     * The bulk export's read: for a page of patients, each patient's resources exactly as {@link #everything(UUID, Instant)}
     * answers them (it is this method with a page of one), keyed by patient in page order. Each kind of record is read
     * with one query for the whole page, through its capability's service, and only when {@code types} (null: all)
     * asks for a resource built from it.
     */
    Map<UUID, List<Resource>> everything(List<Patient> page, Instant since, Set<String> types) {
        Map<UUID, List<Resource>> byPatient = new LinkedHashMap<>();
        if (page.isEmpty()) {
            return byPatient;
        }
        boolean questionnaires = wants(types, "Questionnaire");
        boolean wantProblems = wants(types, "Condition") || wants(types, "Procedure");
        boolean wantTransitions = wants(types, "EpisodeOfCare");
        boolean wantWorkup = wants(types, "Observation") || wants(types, "MedicationStatement");
        boolean wantProcedures = wants(types, "Procedure") || wants(types, "Device") || wants(types, "AdverseEvent");
        boolean wantComplications = wants(types, "AdverseEvent");
        boolean wantResponses = wants(types, "QuestionnaireResponse") || questionnaires;
        boolean wantFollowUps = wants(types, "CarePlan") || questionnaires;
        boolean wantEpisodes = wantTransitions || wantWorkup || wantProcedures || wantResponses || wantFollowUps;

        Site site = site();
        String source = Fhir.siteSource(site.code());
        List<UUID> patientIds = page.stream().map(Patient::id).toList();
        Map<String, Instant> changed = changes.lastChanges(patientIds);
        Map<UUID, List<FhirExportRepository.Problem>> problems = wantProblems ? changes.problems(patientIds) : Map.of();
        Map<UUID, List<EpisodeOfCare>> episodes = wantEpisodes ? patients.episodesOf(patientIds) : Map.of();
        List<UUID> episodeIds = episodes.values().stream().flatMap(List::stream).map(EpisodeOfCare::id).toList();
        boolean anyEpisode = !episodeIds.isEmpty();
        Map<UUID, List<EpisodeTransition>> transitions = wantTransitions && anyEpisode ? patients.transitionsOf(episodeIds) : Map.of();
        Map<UUID, WorkupCase> workupCases = wantWorkup && anyEpisode ? workups.loadCases(episodeIds) : Map.of();
        Map<UUID, List<ProcedureRecord>> procedures = wantProcedures && anyEpisode ? surgeries.proceduresOf(episodeIds) : Map.of();
        Map<UUID, List<ComplicationRecord>> complications = wantComplications && anyEpisode ? surgeries.complicationsOf(episodeIds) : Map.of();
        Map<UUID, List<Response>> responsesOf = wantResponses && anyEpisode ? responses.responsesOf(episodeIds) : Map.of();
        Map<UUID, FollowUp> followUpsOf = wantFollowUps && anyEpisode ? followUps.followUpsOf(episodeIds) : Map.of();

        Map<String, Instrument> catalogue = new LinkedHashMap<>();
        instruments.all().forEach(i -> catalogue.put(i.id(), i));
        Map<String, String> complicationNames = new LinkedHashMap<>();
        for (SurgeryContent.CatalogueEntry e : surgeries.content().catalogue()) {
            complicationNames.put(e.code(), e.name());
        }
        java.time.LocalDate today = followUps.today();

        for (Patient patient : page) {
            UUID patientId = patient.id();
            List<Resource> out = new ArrayList<>();
            org.hl7.fhir.r4.model.Patient fhirPatient = PatientMapper.map(patient, site);
            out.add(stamp(source, fhirPatient, changed.get("Patient/" + patientId), null, null));
            for (FhirExportRepository.Problem problem : problems.getOrDefault(patientId, List.of())) {
                out.add(stamp(source, ProblemListMapper.map(problem, patientId), changed.get("problem/" + problem.id()), null, problemRecord(problem)));
            }
            for (EpisodeOfCare episode : episodes.getOrDefault(patientId, List.of())) {
                if (wantTransitions) {
                    List<EpisodeTransition> moves = transitions.getOrDefault(episode.id(), List.of());
                    out.add(stamp(source, EpisodeOfCareMapper.map(episode, moves), changed.get("EpisodeOfCare/" + episode.id()), null,
                            episodeRecord(episode, moves)));
                }
                WorkupCase workup = workupCases.get(episode.id());
                if (workup != null) {
                    for (WorkupItem item : workup.items()) {
                        Instant at = changed.get("workup/" + item.id());
                        Map<String, Object> record = new LinkedHashMap<>(WorkupWriter.write(item));
                        record.keySet().removeAll(List.of("id", "recordedBy", "score", "band", "computedReliefPercent"));
                        record.put("kind", WorkupKind.of(item).path());
                        Resource r = item instanceof ConservativeCare c && c.type() == ConservativeCare.Type.MEDICATION
                                ? ProblemListMapper.medication(c, patientId) : ObservationMapper.map(item, patientId);
                        out.add(stamp(source, r, at, episode.id(), record));
                    }
                }
                List<String> procedureIds = new ArrayList<>();
                List<String> deviceIds = new ArrayList<>();
                for (ProcedureRecord record : procedures.getOrDefault(episode.id(), List.of())) {
                    Instant at = changed.get("Procedure/" + record.id());
                    List<Device> devices = DeviceMapper.map(record.id(), record.procedure().implants(), patientId);
                    out.add(stamp(source, ProcedureMapper.map(record, patientId, devices), at, episode.id(), SurgeryJson.write(record.procedure())));
                    devices.forEach(d -> out.add(stamp(source, d, at, null, null)));
                    procedureIds.add(record.id().toString());
                    devices.forEach(d -> deviceIds.add(d.getIdElement().getIdPart()));
                }
                for (ComplicationRecord c : complications.getOrDefault(episode.id(), List.of())) {
                    out.add(stamp(source, AdverseEventMapper.map(c, complicationNames.get(c.complication().code()), patientId, procedureIds, deviceIds),
                            changed.get("AdverseEvent/" + c.id()), episode.id(), SurgeryJson.write(c.complication())));
                }
                for (Response r : responsesOf.getOrDefault(episode.id(), List.of())) {
                    Instrument instrument = catalogue.get(r.instrumentId());
                    if (instrument != null) {
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("instrument", r.instrumentId());
                        record.put("timepoint", r.timepointId());
                        record.put("collectedOn", r.collectedOn() == null ? null : r.collectedOn().toString());
                        record.put("source", r.source());
                        record.put("answers", r.answers());
                        record.put("score", r.score());
                        out.add(stamp(source, QuestionnaireResponseMapper.map(r, instrument, patientId), changed.get("QuestionnaireResponse/" + r.id()),
                                episode.id(), record));
                    }
                }
                FollowUp followUp = followUpsOf.get(episode.id());
                if (followUp != null) {
                    Map<String, Object> completions = new LinkedHashMap<>();
                    followUp.schedule().timepoints().forEach(t -> {
                        if (t.completedAt() != null) {
                            completions.put(t.timepoint().id(), t.completionSource());
                        }
                    });
                    out.add(stamp(source, CarePlanMapper.map(followUp, patientId, today, catalogue), changed.get("CarePlan/" + episode.id()),
                            episode.id(), Map.of("completions", completions)));
                }
            }
            if (since != null) {
                out.removeIf(r -> !r.getMeta().hasLastUpdated() || !r.getMeta().getLastUpdated().toInstant().isAfter(since));
            }
            if (questionnaires) {
                // the Questionnaires the remaining responses and care plans use
                Map<String, Instrument> usedInstruments = new LinkedHashMap<>();
                for (Resource r : out) {
                    if (r instanceof org.hl7.fhir.r4.model.QuestionnaireResponse qr) {
                        use(catalogue, usedInstruments, qr.getQuestionnaire());
                    } else if (r instanceof org.hl7.fhir.r4.model.CarePlan cp) {
                        cp.getActivity().forEach(a -> a.getDetail().getInstantiatesCanonical().forEach(c -> use(catalogue, usedInstruments, c.getValue())));
                    }
                }
                usedInstruments.values().forEach(i -> out.add(stamp(source, QuestionnaireMapper.map(i), null, null, null)));
            }
            byPatient.put(patientId, out);
        }
        return byPatient;
    }

    private static boolean wants(Set<String> types, String type) {
        return types == null || types.contains(type);
    }

    private static void use(Map<String, Instrument> catalogue, Map<String, Instrument> used, String canonical) {
        for (Instrument i : catalogue.values()) {
            String url = QuestionnaireMapper.url(i);
            if (canonical != null && (canonical.equals(url) || canonical.startsWith(url + "|"))) {
                used.putIfAbsent(i.id(), i);
            }
        }
    }

    /** meta.source (the site), meta.lastUpdated, and for Ilium's own records the episode and the record as the API takes it. */
    private Resource stamp(String source, Resource r, Instant lastUpdated, UUID episodeId, Map<String, Object> record) {
        r.getMeta().setSource(source);
        if (lastUpdated != null) {
            r.getMeta().setLastUpdated(Date.from(lastUpdated));
        }
        if (r instanceof DomainResource d) {
            if (episodeId != null) {
                d.addExtension(Fhir.EPISODE_EXTENSION, Fhir.ref("EpisodeOfCare", episodeId));
            }
            if (record != null) {
                d.addExtension(Fhir.RECORD_EXTENSION, new StringType(json.writeValueAsString(record)));
            }
        }
        return r;
    }

    private static Map<String, Object> episodeRecord(EpisodeOfCare episode, List<EpisodeTransition> transitions) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("side", episode.side().code());
        List<Map<String, Object>> moves = new ArrayList<>();
        for (EpisodeTransition t : transitions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", t.to().code());
            m.put("candidate", t.candidate());
            m.put("reason", t.reason());
            m.put("effectiveOn", t.effectiveOn().toString());
            moves.add(m);
        }
        record.put("transitions", moves);
        return record;
    }

    private static Map<String, Object> problemRecord(FhirExportRepository.Problem p) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", p.kind());
        record.put("system", p.system());
        record.put("code", p.code());
        record.put("display", p.display());
        record.put("onset", p.onset() == null ? null : p.onset().toString());
        record.put("abatement", p.abatement() == null ? null : p.abatement().toString());
        record.put("screen", p.screen());
        return record;
    }
}
