package org.ilium.surgery.domain;

public enum Resolution {
    ONGOING, RESOLVED, RESOLVED_WITH_SEQUELAE, FATAL
}
