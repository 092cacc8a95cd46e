package org.ilium.shared;

/** The resource does not exist for this caller; another site's record is reported the same way. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
