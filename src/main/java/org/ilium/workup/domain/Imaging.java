package org.ilium.workup.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * An imaging study and what it showed. {@code findings} holds each condition the report addressed:
 * true present, false ruled out; a condition not in the map was not assessed.
 */
public record Imaging(String id, LocalDate date, String recordedBy, String source, Modality modality, Region region,
        Map<Finding, Boolean> findings, String report) implements WorkupItem {

    public enum Modality {
        XRAY, CT, MRI, BONE_SCAN
    }

    public enum Region {
        SACROILIAC_JOINT, PELVIS, LUMBAR_SPINE, HIP
    }

    /** The conditions that rule SI joint fusion out, or point to another cause of the pain. */
    public enum Finding {
        TUMOUR, INFECTION, ACUTE_FRACTURE, INFLAMMATORY_SACROILIITIS, NEURAL_COMPRESSION, HIP_PATHOLOGY
    }
}
