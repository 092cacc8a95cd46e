package org.ilium.shared;

import java.util.List;

/** The request is well formed but clashes with the current state; answered 409. */
public class ConflictException extends RuntimeException {
    private final List<FieldError> errors;

    public ConflictException(String detail) {
        this(detail, List.of());
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
