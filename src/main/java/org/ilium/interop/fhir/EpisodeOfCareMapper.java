package org.ilium.interop.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Period;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.Side;

/**
 * An episode of care with its pathway history. Ilium's seven steps fold into FHIR's statuses: referred is
 * planned, closed is finished, every step between is active; the step itself travels as the type's text. Periods are
 * the clinical dates of the moves (effective dates), not the times they were recorded.
 */
final class EpisodeOfCareMapper {
    private EpisodeOfCareMapper() {
    }

    static EpisodeOfCare map(org.ilium.patient.domain.EpisodeOfCare episode, List<EpisodeTransition> transitions) {
        EpisodeOfCare e = new EpisodeOfCare();
        e.setId(episode.id().toString());
        e.getMeta().setVersionId(Integer.toString(episode.version()));
        e.setStatus(status(episode.status()));
        e.addType(Fhir.text("Sacroiliac joint fusion pathway, " + side(episode.side()) + ": " + Fhir.words(episode.status())));
        e.setPatient(Fhir.ref("Patient", episode.patientId()));
        for (int i = 0; i < transitions.size(); i++) {
            EpisodeTransition t = transitions.get(i);
            Period period = new Period().setStartElement(Fhir.dateTime(t.effectiveOn()));
            if (i + 1 < transitions.size()) {
                period.setEndElement(Fhir.dateTime(transitions.get(i + 1).effectiveOn()));
            }
            if (i + 1 < transitions.size() || t.to() != EpisodeStatus.CLOSED) {
                e.addStatusHistory().setStatus(status(t.to())).setPeriod(period);
            }
        }
        if (!transitions.isEmpty()) {
            e.getPeriod().setStartElement(Fhir.dateTime(transitions.get(0).effectiveOn()));
            EpisodeTransition last = transitions.get(transitions.size() - 1);
            if (last.to() == EpisodeStatus.CLOSED) {
                e.getPeriod().setEndElement(Fhir.dateTime(last.effectiveOn()));
            }
        }
        return e;
    }

    static EpisodeOfCareStatus status(EpisodeStatus status) {
        switch (status) {
            case REFERRED:
                return EpisodeOfCareStatus.PLANNED;
            case CLOSED:
                return EpisodeOfCareStatus.FINISHED;
            default:
                return EpisodeOfCareStatus.ACTIVE;
        }
    }

    static String side(Side side) {
        return side == Side.BILATERAL ? "bilateral" : side.code() + " side";
    }
}
