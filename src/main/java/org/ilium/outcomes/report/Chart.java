package org.ilium.outcomes.report;

import java.util.Objects;

/**
 * One chart of a document: the picture as an inline SVG element, a one-sentence text alternative, and the same
 * numbers as a table, so a reader who cannot see the picture (or prints in black and white) loses nothing.
 *
 * @param id unique within the document; also prefixes the SVG's internal ids so several charts can share a page
 */
public record Chart(String id, String title, OutcomeCharts.Drawing drawing, String description, DataTable table) {
    public Chart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(table, "table");
    }

    /** The picture with every letter as a path, the same in every viewer and in the PDF. */
    public String svg() {
        return svg(true);
    }

    /** The picture; with {@code outlineText} false the letters are SVG text, about a tenth of the size, for browsers. */
    public String svg(boolean outlineText) {
        return OutcomeCharts.svg(drawing, id, outlineText);
    }
}
