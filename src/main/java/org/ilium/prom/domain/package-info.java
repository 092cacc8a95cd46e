/**
 * Plain Java: questionnaire instruments (items, allowed values, scoring rule) and their scoring. No Spring, SQL,
 * JSON or YAML here; {@code org.ilium.prom.InstrumentReader} builds instruments from content files.
 */
package org.ilium.prom.domain;
