package org.ilium.candidacy.domain;

/** A criterion that cannot be built as defined; {@code field} names the policy-file field at fault. */
public class CriterionDefinitionException extends IllegalArgumentException {
    private final String field;

    public CriterionDefinitionException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The field of the criterion at fault (such as {@code missing}), or null for the criterion as a whole. */
    public String field() {
        return field;
    }
}
