package org.ilium.surgery.domain;

/** Who reported a complication: registries find surgeons' and patients' reports differ. */
public enum Reporter {
    SURGEON, PATIENT
}
