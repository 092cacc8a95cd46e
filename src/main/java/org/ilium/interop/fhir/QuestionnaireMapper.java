package org.ilium.interop.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.ilium.prom.domain.Choice;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Item;

/**
 * An instrument as a Questionnaire. Licensed wording is never exported: an item without shippable text carries its
 * short label. Choice items answer with Codings of the instrument's own code system.
 */
final class QuestionnaireMapper {
    private QuestionnaireMapper() {
    }

    static String url(Instrument instrument) {
        return Fhir.BASE + "/Questionnaire/" + Fhir.id(instrument.id());
    }

    static String canonical(Instrument instrument) {
        return url(instrument) + "|" + instrument.version();
    }

    static String answerSystem(Instrument instrument) {
        return Fhir.codeSystem("instrument-" + Fhir.id(instrument.id()));
    }

    static Questionnaire map(Instrument instrument) {
        Questionnaire q = new Questionnaire();
        q.setId(Fhir.id(instrument.id()));
        q.setUrl(url(instrument));
        q.setVersion(instrument.version());
        q.setName(computableName(instrument.id()));
        q.setTitle(instrument.name());
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        if (instrument.licence() != null) {
            q.setCopyright(instrument.licence());
        }
        for (Item item : instrument.items()) {
            Questionnaire.QuestionnaireItemComponent qi = q.addItem().setLinkId(item.id()).setText(text(item));
            qi.setRequired(!instrument.allowsBlanks());
            if (item.isChoice()) {
                qi.setType(QuestionnaireItemType.CHOICE);
                for (Choice c : item.choices()) {
                    qi.addAnswerOption().setValue(new Coding(answerSystem(instrument), c.code(), c.label()));
                }
            } else {
                qi.setType(QuestionnaireItemType.INTEGER);
                qi.addExtension("http://hl7.org/fhir/StructureDefinition/minValue", new org.hl7.fhir.r4.model.IntegerType(item.min()));
                qi.addExtension("http://hl7.org/fhir/StructureDefinition/maxValue", new org.hl7.fhir.r4.model.IntegerType(item.max()));
            }
        }
        return q;
    }

    static String text(Item item) {
        if (item.text() != null && !item.text().isBlank()) {
            return item.text();
        }
        return item.label() != null ? item.label() : item.id();
    }

    /** back_pain_nrs -> BackPainNrs, as the name invariant asks (a letter, then letters, digits or '_'). */
    static String computableName(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.length() == 0 || !Character.isLetter(sb.charAt(0)) ? "Q" + sb : sb.toString();
    }
}
