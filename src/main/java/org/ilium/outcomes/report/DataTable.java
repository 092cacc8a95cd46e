package org.ilium.outcomes.report;

import java.util.List;

/** A plain table of text cells: the numbers behind a chart, or a section's own table. */
public record DataTable(List<String> headers, List<List<String>> rows) {
    public DataTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("A row has " + row.size() + " cells for " + headers.size() + " columns");
            }
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
