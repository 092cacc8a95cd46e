package org.ilium.patient.domain;

import java.util.Arrays;
import java.util.Optional;

/** The sacroiliac joint an episode treats. */
public enum Side {
    LEFT, RIGHT, BILATERAL;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Side> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
