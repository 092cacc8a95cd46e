package org.ilium.workup.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of work-up record: their URL segment, their field in a case file and their type. */
public enum WorkupKind {
    PAIN_SCORES("pain-scores", "painScores", PainScore.class),
    ODI("odi", "odi", OdiAssessment.class),
    PROVOCATION_TESTS("provocation-tests", "provocationTests", ProvocationTest.class),
    FORTIN("fortin", "fortin", FortinFinding.class),
    INJECTIONS("injections", "injections", SijInjection.class),
    CONSERVATIVE_CARE("conservative-care", "conservativeCare", ConservativeCare.class),
    IMAGING("imaging", "imaging", Imaging.class),
    RISK_FACTORS("risk-factors", "riskFactors", RiskFactor.class),
    SYMPTOM_HISTORY("symptom-history", "symptomHistory", SymptomHistory.class),
    PLANNED_PROCEDURES("planned-procedures", "plannedProcedures", PlannedProcedure.class);

    private final String path;
    private final String field;
    private final Class<? extends WorkupItem> type;

    WorkupKind(String path, String field, Class<? extends WorkupItem> type) {
        this.path = path;
        this.field = field;
        this.type = type;
    }

    public String path() {
        return path;
    }

    public String field() {
        return field;
    }

    public Class<? extends WorkupItem> type() {
        return type;
    }

    public static Optional<WorkupKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public static WorkupKind of(WorkupItem item) {
        return BY_TYPE.get(item.getClass());
    }

    // looked up for every record written in bulk: once per class, not a stream over the kinds per record
    private static final ClassValue<WorkupKind> BY_TYPE = new ClassValue<>() {
        @Override
        protected WorkupKind computeValue(Class<?> type) {
            return Arrays.stream(values()).filter(k -> k.type.isAssignableFrom(type)).findFirst().orElseThrow();
        }
    };
}
