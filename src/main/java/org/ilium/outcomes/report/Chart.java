package org.ilium.outcomes.report;

import java.util.Objects;

/**
 * One chart of a document: the picture as an inline SVG element, a one-sentence text alternative, and the same
 * numbers as a table, so a reader who cannot see the picture (or prints in black and white) loses nothing.
 *
 * @param id unique within the document; also prefixes the SVG's internal ids so several charts can share a page
 */
public record Chart(String id, String title, String svg, String description, DataTable table) {
    public Chart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(table, "table");
    }
}
