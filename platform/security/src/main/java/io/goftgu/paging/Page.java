package io.goftgu.paging;

import java.util.List;

/**
 * One page of a list, the shape every Goftgu list answers with (docs/api.md, "Lists"):
 * {@code {data, total, page, limit, totalPages}}.
 */
public record Page<T>(List<T> data, long total, int page, int limit, long totalPages) {

    public static <T> Page<T> of(List<T> data, long total, Paging paging) {
        return of(data, total, paging.page(), paging.limit());
    }

    public static <T> Page<T> of(List<T> data, long total, int page, int limit) {
        return new Page<>(data, total, page, limit, (total + limit - 1) / limit);
    }
}
