package org.ilium.interop.fhir;

import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.ilium.prom.Response;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Item;

/** A stored questionnaire response against its instrument's Questionnaire; blanks are left out, as stored. */
final class QuestionnaireResponseMapper {
    private QuestionnaireResponseMapper() {
    }

    static QuestionnaireResponse map(Response response, Instrument instrument, UUID patientId) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setId(response.id().toString());
        r.getMeta().setVersionId(Integer.toString(response.version()));
        r.setQuestionnaire(QuestionnaireMapper.url(instrument) + "|" + response.instrumentVersion());
        r.setStatus(response.voided() ? QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR
                : QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(Fhir.ref("Patient", patientId));
        if (response.collectedOn() != null) {
            r.setAuthoredElement(Fhir.dateTime(response.collectedOn()));
        }
        if (response.source() != null && response.source().equals("patient_link")) {
            r.setSource(Fhir.ref("Patient", patientId));
        }
        for (Item item : instrument.items()) {
            Object value = response.answers().get(item.id());
            if (value == null) {
                continue;
            }
            QuestionnaireResponse.QuestionnaireResponseItemComponent ri = r.addItem().setLinkId(item.id())
                    .setText(QuestionnaireMapper.text(item));
            if (item.isChoice()) {
                String code = value.toString();
                ri.addAnswer().setValue(new Coding(QuestionnaireMapper.answerSystem(instrument), code,
                        item.choice(code).map(c -> c.label()).orElse(null)));
            } else {
                ri.addAnswer().setValue(new IntegerType(((Number) value).intValue()));
            }
        }
        return r;
    }

    static Map<String, Object> answers(Response response) {
        return response.answers();
    }
}
