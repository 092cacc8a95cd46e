package org.ilium.surgery.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Implants of one kind placed in an operation. {@code transfixing}: the device crosses the joint and
 * pierces the cortices of ilium and sacrum (what CPT 27279 requires).
 */
public record Implant(String manufacturer, String model, int count, List<String> sizes, String udi, boolean transfixing) {
    /** GS1: starts with application identifier 01 and a 14-digit GTIN, with or without parentheses. */
    private static final Pattern GS1 = Pattern.compile("^(\\(01\\)|01)\\d{14}([\\x21-\\x7e]*)$");
    /** HIBCC: a '+', a letter and three alphanumerics (labeler code), then product and check characters. */
    private static final Pattern HIBCC = Pattern.compile("^\\+[A-Z][A-Z0-9]{3}[A-Z0-9$/+%.\\- ]{2,}$");

    public Implant {
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
    }

    /** A loose check of a UDI's device identifier: the shape of a GS1 or HIBCC string, not its check digit. */
    public static boolean plausibleUdi(String udi) {
        return udi != null && (GS1.matcher(udi).matches() || HIBCC.matcher(udi).matches());
    }
}
