/**
 * Plain Java follow-up rules: a protocol's timepoints and windows, the schedule they give from a surgery
 * date with each timepoint's status on a date, and the recovery plan. No framework, SQL or content types.
 */
package org.ilium.followup.domain;
