package org.ilium.surgery.domain;

/** Where the operation takes place; fees and the patient's share depend on it. */
public enum SiteOfService {
    AMBULATORY_SURGERY_CENTER, HOSPITAL_OUTPATIENT, INPATIENT
}
