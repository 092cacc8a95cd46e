package org.ilium.surgery.domain;

/** How likely an adverse event is caused by the device or by the procedure. */
public enum Relatedness {
    NOT_RELATED, UNLIKELY, POSSIBLE, PROBABLE, DEFINITE
}
