package io.goftgu.supportinfo.service;

import io.goftgu.problem.Problems;

import java.util.ArrayList;
import java.util.Map;

/**
 * {@code sort=} of the record list: comma-separated fields, {@code -} for descending, e.g. {@code -contactAt} (the
 * default), {@code priority,-dueAt}. {@code priority} sorts by severity; empty times sort last.
 */
public final class RecordSort {

    public static final String DEFAULT = "-contactAt";

    private static final Map<String, String> COLUMNS = Map.of(
            "contactAt", "r.contactAt",
            "dueAt", "r.dueAt",
            "createdAt", "r.createdAt",
            "updatedAt", "r.updatedAt",
            "priority", "r.priorityRank",
            "title", "lower(r.title)");

    private RecordSort() {
    }

    /** The JPQL {@code order by} clause, ending with the id so pages never overlap. */
    public static String orderBy(String sort) {
        var spec = sort == null || sort.isBlank() ? DEFAULT : sort;
        var parts = new ArrayList<String>();
        for (var raw : spec.split(",")) {
            var field = raw.strip();
            var descending = field.startsWith("-");
            var name = descending || field.startsWith("+") ? field.substring(1) : field;
            var column = COLUMNS.get(name);
            if (column == null) {
                throw Problems.invalid("sort", "unknown field '" + name + "'; one of " + COLUMNS.keySet().stream().sorted().toList());
            }
            parts.add(column + (descending ? " desc" : " asc") + " nulls last");
        }
        parts.add("r.id asc");
        return String.join(", ", parts);
    }
}
