package org.ilium.shared;

/** One problem with one input field; {@code field} is a JSON pointer-like path such as {@code birthDate}. */
public record FieldError(String field, String message) {
}
