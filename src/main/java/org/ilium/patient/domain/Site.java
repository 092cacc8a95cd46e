package org.ilium.patient.domain;

import java.util.UUID;

/** A clinic or hospital; every patient belongs to exactly one. {@code code} is short and URL-safe. */
public record Site(UUID id, String code, String name) {
    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9-]{0,31}";
}
