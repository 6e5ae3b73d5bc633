package io.goftgu.supportchat.rest;

import java.util.List;

/** A page of a list (docs/api.md §1). */
public record Page<T>(List<T> data, long total, int page, int limit, long totalPages) {

    public static <T> Page<T> of(List<T> data, long total, int page, int limit) {
        return new Page<>(data, total, page, limit, (total + limit - 1) / limit);
    }
}
