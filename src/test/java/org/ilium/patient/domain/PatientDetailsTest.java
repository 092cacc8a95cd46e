package org.ilium.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientDetailsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static PatientDetails ada() {
        return new PatientDetails("MRN-0042", "Ada", "Lovelace", LocalDate.of(1961, 4, 12), Sex.FEMALE, "ada@example.org",
                "+1 (555) 010-0100");
    }

    @Test
    void aCompletePatientIsValid() {
        assertThat(ada().check(TODAY)).isEmpty();
        assertThat(new PatientDetails("7", "Jo", "Ng", TODAY, Sex.UNKNOWN, null, null).check(TODAY)).isEmpty();
    }

    @Test
    void aBirthDateAfterTodayOrBefore1900IsRefused() {
        assertThat(new PatientDetails("1", "A", "B", TODAY.plusDays(1), Sex.MALE, null, null).check(TODAY))
                .extracting("field", "message").containsExactly(org.assertj.core.groups.Tuple.tuple("birthDate", "must not be in the future"));
        assertThat(new PatientDetails("1", "A", "B", LocalDate.of(1899, 12, 31), Sex.MALE, null, null).check(TODAY))
                .extracting("field").containsExactly("birthDate");
    }

    @Test
    void everyBadFieldIsNamed() {
        PatientDetails bad = new PatientDetails("-bad mrn", "A\u0007", " ", TODAY, Sex.OTHER, "not-an-email", "12");
        assertThat(bad.check(TODAY)).extracting("field")
                .containsExactly("mrn", "givenName", "familyName", "email", "phone");
    }
}
