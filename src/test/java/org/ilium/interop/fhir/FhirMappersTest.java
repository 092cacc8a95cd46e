package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.followup.FollowUp;
import org.ilium.followup.domain.Offset;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.Schedule;
import org.ilium.followup.domain.Timepoint;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.Patient;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.patient.domain.Site;
import org.ilium.prom.InstrumentCatalog;
import org.ilium.prom.Response;
import org.ilium.prom.domain.Instrument;
import org.ilium.surgery.ComplicationRecord;
import org.ilium.surgery.ProcedureRecord;
import org.ilium.surgery.domain.Anaesthesia;
import org.ilium.surgery.domain.ClavienDindo;
import org.ilium.surgery.domain.Complication;
import org.ilium.surgery.domain.Implant;
import org.ilium.surgery.domain.Procedure;
import org.ilium.surgery.domain.ProcedureSide;
import org.ilium.surgery.domain.Relatedness;
import org.ilium.surgery.domain.Reporter;
import org.ilium.surgery.domain.Resolution;
import org.ilium.surgery.domain.SiteOfService;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainLocation;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.ProvocationTestType;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.SurgicalApproach;
import org.ilium.workup.domain.WorkupCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each mapper on a small example: the fields that matter, and no validation error from HAPI's instance validator. */
class FhirMappersTest {
    static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID EPISODE = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Site SITE = new Site(UUID.randomUUID(), "main", "Main Clinic");
    static FhirValidator validator;
    static InstrumentCatalog instruments;

    @BeforeAll
    static void setUp() {
        instruments = InstrumentCatalog.load(null);
        List<Resource> questionnaires = new ArrayList<>();
        instruments.all().forEach(i -> questionnaires.add(QuestionnaireMapper.map(i)));
        validator = FhirExportIT.validator(questionnaires);
    }

    @Test
    void patient() {
        org.hl7.fhir.r4.model.Patient p = PatientMapper.map(new Patient(PATIENT, new PatientDetails("MRN-7", "Ada", "Hale",
                LocalDate.of(1962, 3, 14), Sex.FEMALE, "ada@example.org", "+1 555 0100"), 3), SITE);
        assertThat(p.getIdElement().getIdPart()).isEqualTo(PATIENT.toString());
        assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo("urn:ilium:site:main:mrn");
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("MRN-7");
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("Hale");
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1962-03-14");
        assertThat(p.getGender().toCode()).isEqualTo("female");
        assertThat(p.getTelecom()).hasSize(2);
        assertThat(p.getMeta().getVersionId()).isEqualTo("3");
        valid(p);
    }

    @Test
    void episodeOfCare() {
        Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
        List<EpisodeTransition> moves = List.of(
                new EpisodeTransition(1, null, EpisodeStatus.REFERRED, null, "GP", UUID.randomUUID(), "a", t0),
                new EpisodeTransition(2, EpisodeStatus.REFERRED, EpisodeStatus.IN_WORKUP, null, "w", UUID.randomUUID(), "a", t0.plusSeconds(86400)),
                new EpisodeTransition(3, EpisodeStatus.IN_WORKUP, EpisodeStatus.CLOSED, null, "moved", UUID.randomUUID(), "a", t0.plusSeconds(172800)));
        EpisodeOfCare e = EpisodeOfCareMapper.map(new org.ilium.patient.domain.EpisodeOfCare(EPISODE, PATIENT, Side.LEFT,
                EpisodeStatus.CLOSED, null, 3, 3), moves);
        assertThat(e.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        assertThat(e.getPatient().getReference()).isEqualTo("Patient/" + PATIENT);
        // the clinical (effective) dates of the moves
        assertThat(e.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-05");
        assertThat(e.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-01-07");
        assertThat(e.getStatusHistory()).extracting(h -> h.getStatus().toCode()).containsExactly("planned", "active");
        assertThat(EpisodeOfCareMapper.status(EpisodeStatus.SCHEDULED)).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        valid(e);
    }

    @Test
    void observations() {
        UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID()};
        WorkupCase workup = new WorkupCase(EPISODE.toString(), LocalDate.of(1962, 3, 14), Sex.FEMALE, Side.LEFT,
                List.of(new PainScore(ids[0].toString(), DAY, "a", null, 7, null, Side.LEFT, Set.of(PainLocation.BUTTOCK)),
                        new PainScore(ids[6].toString(), DAY, "a", null, null, 65, null, Set.of())),
                List.of(new OdiAssessment(ids[1].toString(), DAY, "a", null, Arrays.asList(3, 3, 2, 3, 2, 3, 2, 3, null, 3))),
                List.of(new ProvocationTest(ids[2].toString(), DAY, "a", null, ProvocationTestType.THIGH_THRUST, Side.LEFT, true)),
                List.of(),
                List.of(new SijInjection(ids[3].toString(), DAY, "a", null, SijInjection.Purpose.DIAGNOSTIC, Side.LEFT,
                        SijInjection.Guidance.FLUOROSCOPY, true, List.of("lidocaine 2%"), 8, 2, null, 6.0)),
                List.of(), List.of(),
                List.of(new RiskFactor(ids[4].toString(), DAY, "a", null, RiskFactor.Type.SMOKING_STATUS, null, null, "former", null),
                        new RiskFactor(ids[5].toString(), DAY, "a", null, RiskFactor.Type.BMI, null, 27.4, null, null),
                        new RiskFactor(UUID.randomUUID().toString(), DAY, "a", null, RiskFactor.Type.PREGNANCY, false, null, null, null)),
                List.of(), List.of());
        Map<String, Observation> byId = new LinkedHashMap<>();
        ObservationMapper.map(workup, PATIENT).forEach(o -> byId.put(o.getIdElement().getIdPart(), o));
        // the six coded kinds, plus the pregnancy flag as a generic work-up Observation
        assertThat(byId).hasSize(8);
        assertThat(byId.values()).filteredOn(o -> "risk-factors".equals(o.getCode().getCodingFirstRep().getCode())).hasSize(1);

        Observation pain = byId.get(ids[0].toString());
        assertThat(pain.getCode().getCodingFirstRep().getCode()).isEqualTo("72514-3");
        assertThat(((IntegerType) pain.getValue()).getValue()).isEqualTo(7);
        assertThat(pain.getBodySite().getText()).isEqualTo("Left sacroiliac joint region (buttock)");
        Observation vas = byId.get(ids[6].toString());
        assertThat(vas.getCode().hasCoding()).as("VAS is not the 0-10 LOINC code").isFalse();
        assertThat(((Quantity) vas.getValue()).getCode()).isEqualTo("mm");

        Observation odi = byId.get(ids[1].toString());
        assertThat(odi.getCode().getCodingFirstRep().getCode()).isEqualTo("97909-6");
        assertThat(((Quantity) odi.getValue()).getValue().doubleValue()).as("24 of 45").isEqualTo(53.3);
        assertThat(odi.getComponent()).as("the nine answered sections").hasSize(9);
        assertThat(odi.getComponent().get(8).getCode().getCodingFirstRep().getCode()).isEqualTo("s10");
        assertThat(odi.getComponent().get(8).getValueIntegerType().getValue()).isEqualTo(3);

        Observation test = byId.get(ids[2].toString());
        assertThat(test.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("POS");
        assertThat(test.getCode().getText()).contains("Thigh thrust");

        Observation block = byId.get(ids[3].toString());
        assertThat(((Quantity) block.getValue()).getValue().doubleValue()).isEqualTo(75.0);
        assertThat(((Quantity) block.getValue()).getCode()).isEqualTo("%");

        Observation smoking = byId.get(ids[4].toString());
        assertThat(smoking.getCode().getCodingFirstRep().getCode()).isEqualTo("72166-2");
        assertThat(smoking.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("8517006");

        Observation bmi = byId.get(ids[5].toString());
        assertThat(bmi.getCode().getCodingFirstRep().getCode()).isEqualTo("39156-5");
        assertThat(((Quantity) bmi.getValue()).getCode()).isEqualTo("kg/m2");
        byId.values().forEach(FhirMappersTest::valid);
    }

    @Test
    void procedureAndDevices() {
        UUID id = UUID.randomUUID();
        Implant implant = new Implant("SI-BONE", "iFuse-3D", 2, List.of("7.0x45", "7.0x40"), "(01)00845854001234(10)LOT42", true);
        ProcedureRecord record = new ProcedureRecord(id, EPISODE, 1, "a", new Procedure(DAY, "Dr. Stone", ProcedureSide.LEFT,
                SurgicalApproach.MIS_LATERAL_TRANSILIAC, List.of(implant), Anaesthesia.GENERAL, 60, 50, 0,
                SiteOfService.AMBULATORY_SURGERY_CENTER, List.of(), "27279", false, null, null, null));
        List<Device> devices = DeviceMapper.map(id, record.procedure().implants(), PATIENT);
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).getIdElement().getIdPart()).as("stable").isEqualTo(DeviceMapper.map(id, List.of(implant), PATIENT)
                .get(0).getIdElement().getIdPart());
        assertThat(devices.get(0).getUdiCarrierFirstRep().getDeviceIdentifier()).isEqualTo("00845854001234");
        assertThat(devices.get(0).getUdiCarrierFirstRep().getCarrierHRF()).isEqualTo("(01)00845854001234(10)LOT42");
        assertThat(devices.get(1).getPropertyFirstRep().getValueCodeFirstRep().getText()).isEqualTo("7.0x40");

        org.hl7.fhir.r4.model.Procedure p = ProcedureMapper.map(record, PATIENT, devices);
        assertThat(p.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://www.ama-assn.org/go/cpt");
        assertThat(p.getCode().getCodingFirstRep().getCode()).isEqualTo("27279");
        assertThat(p.getPerformedDateTimeType().getValueAsString()).isEqualTo("2026-03-02");
        assertThat(p.getBodySiteFirstRep().getText()).isEqualTo("Left sacroiliac joint");
        assertThat(p.getFocalDevice()).extracting(f -> f.getManipulated().getReference())
                .containsExactly("Device/" + devices.get(0).getIdElement().getIdPart(), "Device/" + devices.get(1).getIdElement().getIdPart());
        valid(p);
        devices.forEach(FhirMappersTest::valid);
    }

    @Test
    void adverseEvent() {
        UUID id = UUID.randomUUID();
        ComplicationRecord record = new ComplicationRecord(id, EPISODE, 2, "a", new Complication("wound_infection", DAY, Reporter.SURGEON,
                ClavienDindo.IIIB, Relatedness.NOT_RELATED, Relatedness.PROBABLE, true, Resolution.RESOLVED, DAY.plusDays(20), null));
        AdverseEvent a = AdverseEventMapper.map(record, "Wound infection", PATIENT, List.of("p1"), List.of("d1"));
        assertThat(a.getActuality()).isEqualTo(AdverseEvent.AdverseEventActuality.ACTUAL);
        assertThat(a.getSeverity().getCodingFirstRep().getCode()).isEqualTo("severe");
        assertThat(((Coding) a.getExtensionByUrl(Fhir.CLAVIEN_DINDO_EXTENSION).getValue()).getCode()).isEqualTo("IIIb");
        assertThat(a.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Serious");
        assertThat(a.getOutcome().getCodingFirstRep().getCode()).isEqualTo("resolved");
        assertThat(a.getSuspectEntity()).extracting(s -> s.getInstance().getReference()).containsExactly("Procedure/p1");
        valid(a);
    }

    @Test
    void questionnaireAndResponse() {
        Instrument odi = instruments.find("odi").orElseThrow();
        Questionnaire q = QuestionnaireMapper.map(odi);
        assertThat(q.getIdElement().getIdPart()).isEqualTo("odi");
        assertThat(q.getItem()).hasSize(10);
        assertThat(q.getItemFirstRep().getType()).isEqualTo(Questionnaire.QuestionnaireItemType.INTEGER);
        valid(q);
        Instrument pgic = instruments.find("pgic").orElseThrow();
        Questionnaire qp = QuestionnaireMapper.map(pgic);
        assertThat(qp.getItemFirstRep().getAnswerOption()).isNotEmpty();
        valid(qp);

        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("s1", 3);
        answers.put("s2", 2);
        Response r = new Response(UUID.randomUUID(), EPISODE, "odi", odi.version(), "baseline", answers, 50.0, 2, "moderate", null,
                Map.of(), DAY, "clinician", "a", Instant.now(), 1, null, null, null);
        QuestionnaireResponse qr = QuestionnaireResponseMapper.map(r, odi, PATIENT);
        assertThat(qr.getQuestionnaire()).isEqualTo(QuestionnaireMapper.url(odi) + "|" + odi.version());
        assertThat(qr.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId).containsExactly("s1", "s2");
        valid(qr);

        Response change = new Response(UUID.randomUUID(), EPISODE, "pgic", pgic.version(), null, Map.of("change", "much_improved"), 2.0, 1,
                null, "much_improved", Map.of(), DAY, "patient_link", "a", Instant.now(), 1, null, null, null);
        QuestionnaireResponse qrp = QuestionnaireResponseMapper.map(change, pgic, PATIENT);
        assertThat(qrp.getItemFirstRep().getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("much_improved");
        valid(qrp);
    }

    @Test
    void carePlan() {
        Timepoint sixWeeks = new Timepoint("6w", "6 weeks", false, Offset.weeks(6), Offset.weeks(1), Offset.weeks(2), List.of("odi"), false);
        Timepoint baseline = new Timepoint("baseline", "Baseline", true, Offset.ZERO, Offset.days(30), Offset.ZERO, List.of("odi"), false);
        Protocol protocol = new Protocol("standard", "1", "Standard", null, List.of(baseline, sixWeeks), List.of());
        FollowUp followUp = new FollowUp(EPISODE, 1, Schedule.of(protocol, DAY, Map.of(
                "baseline", new Schedule.Completion(Instant.parse("2026-03-01T08:00:00Z"), "paper"))));
        Map<String, Instrument> byId = new LinkedHashMap<>();
        instruments.all().forEach(i -> byId.put(i.id(), i));
        CarePlan c = CarePlanMapper.map(followUp, PATIENT, DAY.plusDays(30), byId);
        assertThat(c.getIdElement().getIdPart()).isEqualTo(CarePlanMapper.id(EPISODE));
        assertThat(c.getActivity()).hasSize(2);
        assertThat(c.getActivity().get(0).getDetail().getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.COMPLETED);
        assertThat(c.getActivity().get(1).getDetail().getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.NOTSTARTED);
        assertThat(c.getActivity().get(1).getDetail().getScheduledPeriod().getStartElement().getValueAsString()).isEqualTo("2026-04-06");
        assertThat(c.getActivity().get(1).getDetail().getScheduledPeriod().getEndElement().getValueAsString()).isEqualTo("2026-04-27");
        assertThat(c.getActivity().get(1).getDetail().getInstantiatesCanonical().get(0).getValue()).endsWith("/Questionnaire/odi");
        assertThat(c.getSupportingInfoFirstRep().getReference()).isEqualTo("EpisodeOfCare/" + EPISODE);
        valid(c);
    }

    static void valid(Resource resource) {
        List<String> errors = validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertThat(errors).as(resource.fhirType()).isEmpty();
    }
}
