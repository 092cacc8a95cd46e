package org.ilium.workup.domain;

/** The six SI joint provocation tests of Laslett 2005 (FABER is also called Patrick's test). */
public enum ProvocationTestType {
    DISTRACTION, THIGH_THRUST, COMPRESSION, SACRAL_THRUST, GAENSLEN, FABER
}
