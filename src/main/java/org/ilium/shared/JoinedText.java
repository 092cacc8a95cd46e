package org.ilium.shared;

/**
 * Many JSON texts as one bulk parameter: joined by the record separator U+001E, which JSON text never holds raw
 * (control characters inside JSON strings are escaped, and are not allowed outside them). SQL splits it back with
 * {@code string_to_array(?, chr(30))}. Cheaper on both sides than a text[] parameter, whose every quote the driver
 * escapes and the server unescapes.
 */
public final class JoinedText {
    public static final char SEPARATOR = '\u001e';

    private JoinedText() {
    }

    /** The texts (none null, none holding U+001E) joined by {@link #SEPARATOR}. */
    public static String of(String[] texts) {
        int length = texts.length;
        for (String t : texts) {
            length += t.length();
        }
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < texts.length; i++) {
            String t = texts[i];
            if (t.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("text " + i + " holds the separator U+001E");
            }
            if (i > 0) {
                b.append(SEPARATOR);
            }
            b.append(t);
        }
        return b.toString();
    }
}
