/**
 * Follow-up after surgery: enrolment of an episode in a protocol (content/protocols), the schedule with
 * statuses, completions, single-use patient links to a timepoint's questionnaires, and response rates.
 */
package org.ilium.followup;
