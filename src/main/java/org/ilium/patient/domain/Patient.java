package org.ilium.patient.domain;

import java.util.UUID;

/** A patient of one site; {@code version} counts stored changes and is the ETag. */
public record Patient(UUID id, PatientDetails details, int version) {
}
