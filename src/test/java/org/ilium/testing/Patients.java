package org.ilium.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Patient request bodies that read like clinic cases; tests change one field at a time. */
public final class Patients {
    private Patients() {
    }

    /** A 64-year-old woman referred with buttock pain: the typical SI joint fusion candidate. */
    public static Map<String, Object> margaret() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mrn", "MRN-1001");
        p.put("givenName", "Margaret");
        p.put("familyName", "Hale");
        p.put("birthDate", "1962-03-14");
        p.put("sex", "female");
        p.put("email", "m.hale@example.org");
        p.put("phone", "+1 555 0101");
        return p;
    }

    public static Map<String, Object> with(Map<String, Object> patient, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(patient);
        copy.put(field, value);
        return copy;
    }

    public static Map<String, Object> without(Map<String, Object> patient, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(patient);
        copy.remove(field);
        return copy;
    }
}
