package org.ilium.candidacy.domain;

public enum CriterionStatus {
    MET, NOT_MET, UNKNOWN
}
