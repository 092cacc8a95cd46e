package org.ilium.patient.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ilium.shared.FieldError;

/** What a user enters about a patient; {@link #check} holds the rules a stored patient satisfies. */
public record PatientDetails(String mrn, String givenName, String familyName, LocalDate birthDate, Sex sex,
        String email, String phone) {

    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern MRN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{3,28}[0-9]");
    private static final int NAME_MAX = 100;

    /**
     * Rule violations, empty when valid. Missing values are skipped here (the reader reports them), so
     * that one answer names every bad field. {@code today} is the latest date on Earth (UTC+14), so that a
     * newborn registered anywhere is never in the future.
     */
    public List<FieldError> check(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (mrn != null && !MRN.matcher(mrn).matches()) {
            errors.add(new FieldError("mrn", "must be 1 to 64 letters, digits or . _ / - and start with a letter or digit"));
        }
        checkName("givenName", givenName, errors);
        checkName("familyName", familyName, errors);
        if (birthDate == null) {
            // reported by the reader
        } else if (birthDate.isAfter(today)) {
            errors.add(new FieldError("birthDate", "must not be in the future"));
        } else if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(new FieldError("birthDate", "must be on or after " + EARLIEST_BIRTH_DATE));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.org"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "must be a phone number of 5 to 30 digits, spaces or + ( ) . / -"));
        }
        return errors;
    }

    private static void checkName(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > NAME_MAX) {
            errors.add(new FieldError(field, "must be at most " + NAME_MAX + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }
}
