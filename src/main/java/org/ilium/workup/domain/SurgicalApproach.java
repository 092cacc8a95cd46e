package org.ilium.workup.domain;

/** SI joint fusion approaches (REFERENCE section 1). */
public enum SurgicalApproach {
    OPEN, MIS_LATERAL_TRANSILIAC, MIS_POSTEROLATERAL_TRANSILIAC, MIS_POSTERIOR_INTRA_ARTICULAR
}
