package org.ilium.candidacy.domain;

import java.time.LocalDate;
import org.ilium.workup.domain.WorkupItem;

/** One record a criterion looked at: which record, its date, what it says and the value that counted. */
public record Evidence(String recordId, LocalDate date, String description, String value) {

    /** Evidence citing a work-up record by its id and date. */
    public static Evidence of(WorkupItem record, String description, String value) {
        return new Evidence(record.id(), record.date(), description, value);
    }
}
