package org.ilium.surgery.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Clavien-Dindo grades of a surgical complication, written as in the classification (IIIa, not iiia). */
public enum ClavienDindo {
    I("I"), II("II"), IIIA("IIIa"), IIIB("IIIb"), IVA("IVa"), IVB("IVb"), V("V");

    private final String code;

    ClavienDindo(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ClavienDindo> fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ClavienDindo::code).toList();
    }
}
