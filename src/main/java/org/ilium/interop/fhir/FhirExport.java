package org.ilium.interop.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Resource;
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
import org.ilium.shared.NotFoundException;
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

    FhirExport(PatientService patients, SiteRepository sites, WorkupService workups, SurgeryService surgeries,
            ResponseService responses, InstrumentCatalog instruments, FollowUpService followUps) {
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
        Patient patient = patients.get(patientId);
        List<Resource> out = new ArrayList<>();
        out.add(PatientMapper.map(patient, site()));
        Map<String, Instrument> usedInstruments = new LinkedHashMap<>();
        Map<String, Instrument> catalogue = new LinkedHashMap<>();
        instruments.all().forEach(i -> catalogue.put(i.id(), i));
        Map<String, String> complicationNames = new LinkedHashMap<>();
        for (SurgeryContent.CatalogueEntry e : surgeries.content().catalogue()) {
            complicationNames.put(e.code(), e.name());
        }
        for (EpisodeOfCare episode : patients.episodes(patientId)) {
            out.add(EpisodeOfCareMapper.map(episode, patients.transitions(patientId, episode.id())));
            WorkupCase workup = workupOrNull(episode.id());
            if (workup != null) {
                out.addAll(ObservationMapper.map(workup, patientId));
            }
            List<String> procedureIds = new ArrayList<>();
            List<String> deviceIds = new ArrayList<>();
            for (ProcedureRecord record : surgeries.procedures(episode.id())) {
                List<Device> devices = DeviceMapper.map(record.id(), record.procedure().implants(), patientId);
                out.add(ProcedureMapper.map(record, patientId, devices));
                out.addAll(devices);
                procedureIds.add(record.id().toString());
                devices.forEach(d -> deviceIds.add(d.getIdElement().getIdPart()));
            }
            for (ComplicationRecord c : surgeries.complications(episode.id())) {
                out.add(AdverseEventMapper.map(c, complicationNames.get(c.complication().code()), patientId, procedureIds, deviceIds));
            }
            for (Response r : responses.responses(episode.id(), null, null)) {
                Instrument instrument = catalogue.get(r.instrumentId());
                if (instrument != null) {
                    usedInstruments.putIfAbsent(instrument.id(), instrument);
                    out.add(QuestionnaireResponseMapper.map(r, instrument, patientId));
                }
            }
            FollowUp followUp = followUpOrNull(episode.id());
            if (followUp != null) {
                followUp.schedule().timepoints().forEach(t -> t.timepoint().instruments().forEach(id -> {
                    if (catalogue.containsKey(id)) {
                        usedInstruments.putIfAbsent(id, catalogue.get(id));
                    }
                }));
                out.add(CarePlanMapper.map(followUp, patientId, followUps.today(), catalogue));
            }
        }
        usedInstruments.values().forEach(i -> out.add(QuestionnaireMapper.map(i)));
        return out;
    }

    private WorkupCase workupOrNull(UUID episodeId) {
        try {
            return workups.loadCase(episodeId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private FollowUp followUpOrNull(UUID episodeId) {
        try {
            return followUps.get(episodeId);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
