package org.ilium.interop.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the FHIR import recognises (REFERENCE sections 3 and 5); everything else is counted and skipped. */
final class ImportCodes {
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String ICD10_WHO = "http://hl7.org/fhir/sid/icd-10";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /** SNOMED reasons to screen: chronic low back pain, chronic pain. */
    static final Set<String> SNOMED_SCREEN = Set.of("278860009", "82423001");
    /** SNOMED codes counted as chronic low back pain (the summary's chronicLowBackPain). */
    static final Set<String> SNOMED_LOW_BACK = Set.of("278860009");
    /** ICD-10 codes of the Medicare billing article A58739, all of them low back / sacroiliac. */
    static final Set<String> ICD10_SCREEN = Set.of("M43.17", "M43.18", "M43.27", "M43.28", "M46.1", "M53.2X7", "M53.2X8", "M53.3",
            "M53.87", "M53.88", "M54.18", "M99.04", "M54.5", "M54.50", "M54.59");

    static final String PAIN_NRS = "72514-3";
    static final String SMOKING = "72166-2";
    static final String BMI = "39156-5";
    static final String ODI = "97909-6";

    /** Smoking status answers (SNOMED) -> Ilium's smoking status; other answers (unknown) are skipped. */
    static final Map<String, String> SMOKING_STATUS = Map.ofEntries(Map.entry("266919005", "never"), Map.entry("8517006", "former"),
            Map.entry("77176002", "current"), Map.entry("449868002", "current"), Map.entry("428041000124106", "current"),
            Map.entry("428061000124105", "current"), Map.entry("428071000124103", "current"), Map.entry("65568007", "current"));

    /** Opioid ingredients by RxNorm ingredient id. Products (SCD/SBD) are recognised by the ingredient in their name. */
    static final Map<String, String> OPIOID_INGREDIENTS = Map.of("7804", "oxycodone", "5489", "hydrocodone", "7052", "morphine", "4337",
            "fentanyl", "10689", "tramadol", "6754", "meperidine", "2670", "codeine", "3423", "hydromorphone", "6813", "methadone",
            "787390", "tapentadol");

    static final Set<String> CPT_SIJ_FUSION = Set.of("27279", "27280", "27278", "0775T");
    static final Set<String> CPT_SIJ_INJECTION = Set.of("27096", "G0260", "64451");
    static final Set<String> CPT_LUMBAR_FUSION = Set.of("22533", "22558", "22612", "22630", "22633");

    enum ProcedureKind {
        SIJ_FUSION, SIJ_INJECTION, LUMBAR_FUSION
    }

    private ImportCodes() {
    }

    static boolean isIcd10(String system) {
        return ICD10.equals(system) || ICD10_WHO.equals(system);
    }

    /** The opioid ingredient named by a medication's code or text, or null. */
    static String opioid(String rxnormCode, String text) {
        if (rxnormCode != null && OPIOID_INGREDIENTS.containsKey(rxnormCode)) {
            return OPIOID_INGREDIENTS.get(rxnormCode);
        }
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // hydromorphone before morphine, hydrocodone and oxycodone before codeine: the longer name wins
        for (String name : List.of("hydromorphone", "hydrocodone", "oxycodone", "tapentadol", "meperidine", "methadone", "fentanyl",
                "tramadol", "morphine", "codeine")) {
            if (lower.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** A procedure of interest by CPT code, or by SNOMED display words (no terminology server offline). */
    static ProcedureKind procedure(String system, String code, String text) {
        if (Fhir.CPT.equals(system) && code != null) {
            if (CPT_SIJ_FUSION.contains(code)) {
                return ProcedureKind.SIJ_FUSION;
            }
            if (CPT_SIJ_INJECTION.contains(code)) {
                return ProcedureKind.SIJ_INJECTION;
            }
            if (CPT_LUMBAR_FUSION.contains(code)) {
                return ProcedureKind.LUMBAR_FUSION;
            }
            return null;
        }
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        boolean fusion = t.contains("fusion") || t.contains("arthrodesis");
        if (t.contains("sacroiliac")) {
            if (fusion) {
                return ProcedureKind.SIJ_FUSION;
            }
            if (t.contains("injection") || t.contains("block")) {
                return ProcedureKind.SIJ_INJECTION;
            }
        }
        if (fusion && (t.contains("lumbar") || t.contains("lumbosacral"))) {
            return ProcedureKind.LUMBAR_FUSION;
        }
        return null;
    }
}
