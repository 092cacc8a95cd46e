package org.ilium.surgery.domain;

public enum Anaesthesia {
    GENERAL, REGIONAL, LOCAL_SEDATION
}
