package org.ilium.interop.fhir;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.Period;
import org.ilium.followup.FollowUp;
import org.ilium.followup.domain.ScheduledTimepoint;
import org.ilium.followup.domain.TimepointStatus;
import org.ilium.prom.domain.Instrument;

/**
 * The follow-up schedule as a CarePlan: one activity per timepoint, scheduled over its window (both days
 * included), instantiating the Questionnaires due then. Its id is derived from the episode's.
 */
final class CarePlanMapper {
    private CarePlanMapper() {
    }

    static String id(UUID episodeId) {
        return Fhir.derivedId(episodeId, "care-plan");
    }

    static CarePlan map(FollowUp followUp, UUID patientId, LocalDate today, Map<String, Instrument> instruments) {
        CarePlan c = new CarePlan();
        c.setId(id(followUp.episodeId()));
        c.getMeta().setVersionId(Integer.toString(followUp.version()));
        boolean done = followUp.schedule().timepoints().stream().noneMatch(t -> t.statusOn(today) == TimepointStatus.UPCOMING
                || t.statusOn(today).answerable());
        c.setStatus(done ? CarePlan.CarePlanStatus.COMPLETED : CarePlan.CarePlanStatus.ACTIVE);
        c.setIntent(CarePlan.CarePlanIntent.PLAN);
        c.setTitle("Follow-up after sacroiliac joint fusion: " + followUp.schedule().protocol().name());
        c.addCategory(Fhir.text("Follow-up schedule"));
        c.setSubject(Fhir.ref("Patient", patientId));
        c.addSupportingInfo(Fhir.ref("EpisodeOfCare", followUp.episodeId()));
        var timepoints = followUp.schedule().timepoints();
        if (!timepoints.isEmpty()) {
            c.setPeriod(new Period().setStartElement(Fhir.dateTime(timepoints.get(0).opens()))
                    .setEndElement(Fhir.dateTime(timepoints.get(timepoints.size() - 1).closes())));
        }
        for (ScheduledTimepoint t : timepoints) {
            CarePlan.CarePlanActivityDetailComponent d = c.addActivity().getDetail();
            d.setCode(new org.hl7.fhir.r4.model.CodeableConcept(Fhir.coding(Fhir.codeSystem("follow-up-timepoint"), t.timepoint().id(),
                    t.timepoint().label())).setText(t.timepoint().label()));
            TimepointStatus status = t.statusOn(today);
            d.setStatus(status(status));
            if (status == TimepointStatus.MISSED) {
                d.setStatusReason(Fhir.text("missed: the window closed without a completion"));
            }
            d.setScheduled(new Period().setStartElement(Fhir.dateTime(t.opens())).setEndElement(Fhir.dateTime(t.closes())));
            d.setDescription(t.timepoint().label() + ": target " + t.target() + ", window " + t.opens() + " to " + t.closes());
            for (String instrumentId : t.timepoint().instruments()) {
                Instrument instrument = instruments.get(instrumentId);
                if (instrument != null) {
                    d.addInstantiatesCanonical(QuestionnaireMapper.url(instrument));
                }
            }
        }
        return c;
    }

    static CarePlanActivityStatus status(TimepointStatus status) {
        switch (status) {
            case UPCOMING:
                return CarePlanActivityStatus.NOTSTARTED;
            case OPEN:
            case DUE:
                return CarePlanActivityStatus.SCHEDULED;
            case COMPLETED:
                return CarePlanActivityStatus.COMPLETED;
            default:
                return CarePlanActivityStatus.STOPPED;
        }
    }
}
