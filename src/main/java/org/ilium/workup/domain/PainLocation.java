package org.ilium.workup.domain;

public enum PainLocation {
    BUTTOCK, GROIN, THIGH, LOW_BACK
}
