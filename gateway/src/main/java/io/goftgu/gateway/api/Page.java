package io.goftgu.gateway.api;

import java.util.List;

/** One page of a list, in the shape every Goftgu list uses. */
public record Page<T>(List<T> data, long total, int page, int limit, int totalPages) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static <T> Page<T> of(List<T> data, long total, int page, int limit) {
        return new Page<>(data, total, page, limit, (int) ((total + limit - 1) / limit));
    }
}
