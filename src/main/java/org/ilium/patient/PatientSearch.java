package org.ilium.patient;

import java.time.LocalDate;

/** Filters of the patient list; null means not filtered. {@code name} matches the start of any name part. */
public record PatientSearch(String mrn, String name, LocalDate birthDate) {
}
