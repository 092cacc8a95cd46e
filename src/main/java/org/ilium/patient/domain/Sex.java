package org.ilium.patient.domain;

import java.util.Arrays;
import java.util.Optional;

/** Administrative sex, as FHIR's AdministrativeGender. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Sex> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
