package org.ilium.candidacy.domain;

import java.util.List;

/** What one criterion found, before the policy's id, title and citation are attached. */
record Check(CriterionStatus status, String explanation, List<Evidence> evidence) {
    static Check met(String explanation, List<Evidence> evidence) {
        return new Check(CriterionStatus.MET, explanation, evidence);
    }

    static Check notMet(String explanation, List<Evidence> evidence) {
        return new Check(CriterionStatus.NOT_MET, explanation, evidence);
    }

    static Check unknown(String explanation, List<Evidence> evidence) {
        return new Check(CriterionStatus.UNKNOWN, explanation, evidence);
    }

    /** Combines per-side checks of a bilateral episode: NOT_MET wins over UNKNOWN, UNKNOWN over MET. */
    static CriterionStatus worst(CriterionStatus a, CriterionStatus b) {
        if (a == CriterionStatus.NOT_MET || b == CriterionStatus.NOT_MET) {
            return CriterionStatus.NOT_MET;
        }
        if (a == CriterionStatus.UNKNOWN || b == CriterionStatus.UNKNOWN) {
            return CriterionStatus.UNKNOWN;
        }
        return CriterionStatus.MET;
    }
}
