package io.goftgu.links;

import io.goftgu.testing.FakeCrm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LinkLookup} against a real HTTP server on loopback ({@link FakeCrm}). */
class LinkLookupTest {

    private static final UUID WORKSPACE = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    private final FakeCrm crm = new FakeCrm();

    @AfterEach
    void stop() {
        crm.close();
    }

    /** A timeout a loaded machine cannot hit by accident: only the slow refId may time out. */
    private static LinkLookup lookup(boolean allowLoopback) {
        return new LinkLookup(Duration.ofSeconds(10), Duration.ofMinutes(1), 100, allowLoopback);
    }

    @Test
    void foundWithItsTitleAndTheAnswerIsCached() {
        var lookup = lookup(true);
        var answer = lookup.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "T 42/x&y");
        assertEquals(LinkLookup.Outcome.FOUND, answer.outcome());
        assertEquals(FakeCrm.title("TASK", "T 42/x&y"), answer.title());
        assertEquals(Map.of("workspaceId", WORKSPACE.toString(), "userId", USER.toString(), "kind", "TASK",
                "refId", "T 42/x&y"), crm.requests().getFirst());
        assertEquals(answer, lookup.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "T 42/x&y"));
        assertEquals(1, crm.requests().size(), "the second check is answered from the cache");

        lookup.check(crm.lookupUrl(), WORKSPACE, UUID.randomUUID(), "TASK", "T 42/x&y");
        lookup.check(crm.lookupUrl(), UUID.randomUUID(), USER, "TASK", "T 42/x&y");
        lookup.check(crm.lookupUrl(), WORKSPACE, USER, "DOCUMENT", "T 42/x&y");
        assertEquals(4, crm.requests().size(), "another user, workspace or kind is asked again");
    }

    @Test
    void notFoundForbiddenAndNotVisibleAreRefusedAndCached() {
        var lookup = lookup(true);
        assertEquals(LinkLookup.Outcome.REFUSED, lookup.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "missing").outcome());
        assertEquals(LinkLookup.Outcome.REFUSED, lookup.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "forbidden").outcome());
        var secret = lookup.check(crm.lookupUrl(), WORKSPACE, USER, "DOCUMENT", "secret");
        assertEquals(LinkLookup.Outcome.REFUSED, secret.outcome());
        assertNull(secret.title(), "a title the user may not see is not kept");
        lookup.check(crm.lookupUrl(), WORKSPACE, USER, "DOCUMENT", "secret");
        assertEquals(3, crm.requests().size());
    }

    @Test
    void aSlowBrokenOrGarbledLookupIsUnverifiedAndAskedAgain() {
        var impatient = new LinkLookup(Duration.ofMillis(500), Duration.ofMinutes(1), 100, true);
        long start = System.nanoTime();
        var slow = impatient.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "slow");
        assertEquals(LinkLookup.Outcome.UNVERIFIED, slow.outcome());
        assertTrue(slow.reason().contains("500 ms"), slow.reason());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < FakeCrm.SLOW_MILLIS,
                "the timeout cut the wait short");
        var lookup = lookup(true);
        assertEquals(LinkLookup.Outcome.UNVERIFIED, lookup.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "broken").outcome());
        assertEquals(LinkLookup.Outcome.UNVERIFIED, lookup.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "broken").outcome());
        assertEquals(LinkLookup.Outcome.UNVERIFIED, lookup.check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "garbage").outcome());
        assertEquals(4, crm.requests().size(), "failures are not cached");
    }

    @Test
    void severalLinksAreAskedAtOnceAndAnsweredInOrder() {
        var impatient = new LinkLookup(Duration.ofMillis(500), Duration.ofMinutes(1), 100, true);
        var refs = java.util.stream.Stream.of("slow", "T-1", "slow", "missing", "slow", "slow", "slow")
                .map(id -> new LinkLookup.Ref("TASK", id)).toList();
        long start = System.nanoTime();
        var answers = impatient.checkAll(crm.lookupUrl(), WORKSPACE, USER, refs);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(java.util.List.of(LinkLookup.Outcome.UNVERIFIED, LinkLookup.Outcome.FOUND,
                LinkLookup.Outcome.UNVERIFIED, LinkLookup.Outcome.REFUSED, LinkLookup.Outcome.UNVERIFIED,
                LinkLookup.Outcome.UNVERIFIED, LinkLookup.Outcome.UNVERIFIED),
                answers.stream().map(LinkLookup.Answer::outcome).toList());
        assertEquals(FakeCrm.title("TASK", "T-1"), answers.get(1).title());
        // five timeouts of 500 ms one after another would be 2.5 s
        assertTrue(millis < 2000, "asked one after another: " + millis + " ms");
    }

    @Test
    void loopbackAndLinkLocalAreNotCalledUnlessAllowed() {
        var answer = lookup(false).check(crm.lookupUrl(), WORKSPACE, USER, "TASK", "T1");
        assertEquals(LinkLookup.Outcome.UNVERIFIED, answer.outcome());
        assertTrue(answer.reason().contains("loopback"), answer.reason());
        var metadata = lookup(true).check("http://169.254.169.254/latest", WORKSPACE, USER, "TASK", "T1");
        assertEquals(LinkLookup.Outcome.UNVERIFIED, metadata.outcome());
        assertEquals(0, crm.requests().size());
    }
}
