/**
 * Patient-reported outcome measures: the questionnaire instruments (content/instruments/*.yaml, InstrumentCatalog),
 * scoring without storage, and the responses of an episode (ResponseService, REST API). Depends on patient and
 * workup (the shared ODI arithmetic); follow-up schedules call ResponseService.
 */
package org.ilium.prom;
