/**
 * Candidacy: versioned, cited coverage policies loaded from content files, evaluated against a case's
 * work-up into determinations that say why (the model and evaluator are plain Java in {@code domain}).
 */
package org.ilium.candidacy;
