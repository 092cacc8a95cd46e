package org.ilium.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a result list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {
    public static final int MAX_SIZE = 100;

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, totalItems);
    }
}
