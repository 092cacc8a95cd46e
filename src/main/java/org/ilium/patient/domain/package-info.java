/** Patient rules and the episode-of-care state machine, in plain Java. */
package org.ilium.patient.domain;
