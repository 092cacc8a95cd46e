package org.ilium.workup.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Enum values travel as lower-case codes ({@code thigh_thrust}); this converts both ways. */
public final class Codes {
    private Codes() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase();
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(code)).findFirst();
    }

    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Codes::of).toList();
    }
}
