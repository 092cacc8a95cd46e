/** The operation and after: procedure records with implants and CPT coding rules, cost estimates, complications and revisions. */
package org.ilium.surgery;
