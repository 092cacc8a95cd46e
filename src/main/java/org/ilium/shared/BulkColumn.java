package org.ilium.shared;

import java.io.Writer;
import java.util.List;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;

/**
 * One column of a bulk insert as a single text parameter: every value as its text, each preceded by the record
 * separator U+001E, a null as U+001F. SQL splits it back with {@link #unnest}. COPY is not allowed on tables with
 * row-level security, so bulk rows travel as columns and are unnested. The driver's array encoding quotes and escapes
 * every element (a fifth of the synthetic cohort's Java time); a column only appends, and JSON values are written
 * straight into it by one generator instead of one string each.
 *
 * <p>Values are UUIDs, dates, numbers, booleans, codes and texts that hold neither control character (JSON never
 * holds them raw: control characters inside its strings are escaped). Timestamps go as {@link java.time.Instant}
 * (ISO 8601 in UTC, which PostgreSQL reads).
 */
public final class BulkColumn {
    public static final char SEPARATOR = '\u001e';
    public static final char NULL = '\u001f';

    private final StringBuilder text;
    private int size;

    public BulkColumn(int expectedValues) {
        text = new StringBuilder(expectedValues * 37);
    }

    /**
     * {@code unnest(...)} of column parameters of these types, in order: each split on the separators, its first (empty)
     * element dropped (so that a lone empty text stays one value), U+001F read as null, then cast to its type.
     */
    public static String unnest(String... types) {
        StringBuilder b = new StringBuilder("unnest(");
        for (int i = 0; i < types.length; i++) {
            b.append(i > 0 ? ", " : "").append("(string_to_array(?, chr(30), chr(31)))[2:]::").append(types[i]).append("[]");
        }
        return b.append(')').toString();
    }

    /** Appends a value (null for SQL null); refuses a text holding U+001E or U+001F, leaving the column as it was. */
    public BulkColumn add(Object value) {
        if (value instanceof CharSequence s && (s.toString().indexOf(SEPARATOR) >= 0 || s.toString().indexOf(NULL) >= 0)) {
            throw new IllegalArgumentException("value " + size + " holds U+001E or U+001F");
        }
        text.append(SEPARATOR);
        if (value == null) {
            text.append(NULL);
        } else {
            text.append(value);
        }
        size++;
        return this;
    }

    /** A column of the values as JSON, written by {@code writer}. */
    public static BulkColumn json(ObjectWriter writer, List<?> values) {
        BulkColumn column = new BulkColumn(values.size() * 4);
        if (values.isEmpty()) {
            return column;
        }
        column.text.append(SEPARATOR);
        try (SequenceWriter sequence = writer.withRootValueSeparator(String.valueOf(SEPARATOR)).writeValues(column.appender())) {
            for (Object v : values) {
                sequence.write(v);
            }
        }
        column.size = values.size();
        return column;
    }

    public int size() {
        return size;
    }

    public String text() {
        return text.toString();
    }

    private Writer appender() {
        return new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                text.append(buffer, offset, length);
            }

            @Override
            public void write(String s, int offset, int length) {
                text.append(s, offset, offset + length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
