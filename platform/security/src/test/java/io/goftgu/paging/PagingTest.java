package io.goftgu.paging;

import io.goftgu.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {

    @Test
    void absentParametersAreTheFirstPageOfTheDefaultSize() {
        assertEquals(new Paging(1, 20), Paging.parse(null, " "));
        assertEquals(new Paging(1, 20), Paging.of(null, null));
        assertEquals(new Paging(1, 100), Paging.of(null, null, 100));
        assertEquals(new Paging(3, 7), Paging.parse(" 3 ", "7"));
        assertEquals(14, new Paging(3, 7).offset());
    }

    @Test
    void outOfRangeOrMalformedIsABadRequestNamingTheParameter() {
        assertInvalid("limit", () -> Paging.parse("1", "0"));
        assertInvalid("limit", () -> Paging.parse("1", "101"));
        assertInvalid("limit", () -> Paging.parse("1", "abc"));
        assertInvalid("page", () -> Paging.parse("0", "10"));
        assertInvalid("page", () -> Paging.parse("1000001", "10"));
        assertInvalid("page", () -> Paging.parse("99999999999", "10"));
        assertInvalid("limit", () -> Paging.of(1, -5));
    }

    @Test
    void totalPagesRoundsUp() {
        assertEquals(2, Page.of(List.of("a"), 3, 2, 2).totalPages());
        assertEquals(1, Page.of(List.of("a"), 2, new Paging(1, 2)).totalPages());
        assertEquals(0, Page.of(List.of(), 0, 1, 20).totalPages());
    }

    private static void assertInvalid(String field, org.junit.jupiter.api.function.Executable call) {
        var problem = assertThrows(ProblemException.class, call);
        assertEquals(400, problem.status());
        assertEquals(field, problem.errors().getFirst().field());
    }
}
