package org.ilium.workup.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enum values travel as lower-case codes ({@code thigh_thrust}); this converts both ways. */
public final class Codes {
    private Codes() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase();
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(type.cast(BY_CODE.get(type).get(code)));
    }

    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        return ALL.get(type);
    }

    // computed once per enum: every stored record read back parses several codes
    private static final ClassValue<List<String>> ALL = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(e -> of((Enum<?>) e)).toList();
        }
    };

    private static final ClassValue<Map<String, Object>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).collect(Collectors.toUnmodifiableMap(e -> of((Enum<?>) e), e -> e));
        }
    };
}
