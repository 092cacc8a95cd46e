/** Plain Java rules of surgery: the procedure record, CPT coding rules, the patient's cost share, complication codes. */
package org.ilium.surgery.domain;
