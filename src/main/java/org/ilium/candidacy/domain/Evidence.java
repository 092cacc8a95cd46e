package org.ilium.candidacy.domain;

import java.time.LocalDate;

/** One record a criterion looked at: which record, its date, what it says and the value that counted. */
public record Evidence(String recordId, LocalDate date, String description, String value) {
}
