package io.goftgu.gateway.session;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.problem.Problems;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down without letting anyone lock an innocent user out (docs/security.md, "Login"):
 * <ul>
 * <li>per account, from all addresses: after {@code free-failures} failures each attempt must wait 1 s after the
 *     last failure, doubling per failure, at most {@code account-max-delay} (30 s): the most a victim ever waits, even
 *     while someone keeps guessing at their account; the right password then works;</li>
 * <li>per account and address: the same, up to {@code pair-max-delay} (15 min): the guesser's own address slows to a
 *     few guesses an hour;</li>
 * <li>per address: {@code ip-max-failures} (100) failures in {@code ip-window} (10 min), then 429 for logins from it: room for an
 *     office of hundreds behind one NAT address mistyping, not for a spray over many accounts.</li>
 * </ul>
 * A refused attempt costs no password hashing (429 with Retry-After). A success clears the account's failures and
 * the pair's (not the address's: one good password must not reset a spray). In memory, so each replica counts its own.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bounds memory under a flood of distinct keys; past it, old entries are pruned at once. */
    private static final int MAX_KEYS = 100_000;

    private static final class Failures {
        int count;
        long firstNanos;
        long lastNanos;
    }

    private final int freeFailures;
    private final long accountMaxDelayNanos;
    private final long pairMaxDelayNanos;
    private final int ipMaxFailures;
    private final long windowNanos;
    private final long ipWindowNanos;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(GatewayConfig config) {
        var login = config.login();
        this.freeFailures = login.freeFailures();
        this.accountMaxDelayNanos = login.accountMaxDelay().toNanos();
        this.pairMaxDelayNanos = login.pairMaxDelay().toNanos();
        this.ipMaxFailures = login.ipMaxFailures();
        this.windowNanos = login.window().toNanos();
        this.ipWindowNanos = login.ipWindow().toNanos();
    }

    /** Refuses (429 with Retry-After) an attempt that comes before its wait is over. */
    public void check(String account, String ip) {
        var now = System.nanoTime();
        long wait = Math.max(waitNanos("account:" + account, now, accountMaxDelayNanos),
                waitNanos("pair:" + account + "|" + ip, now, pairMaxDelayNanos));
        if (wait > 0) {
            throw Problems.tooManyRequests("too many failed logins for this account; try again in "
                    + seconds(wait) + " s", seconds(wait));
        }
        var fromIp = failures.get("ip:" + ip);
        if (fromIp != null) {
            synchronized (fromIp) {
                if (now - fromIp.firstNanos < ipWindowNanos && fromIp.count >= ipMaxFailures) {
                    long left = ipWindowNanos - (now - fromIp.firstNanos);
                    throw Problems.tooManyRequests("too many failed logins from your address; try again later",
                            seconds(left));
                }
            }
        }
    }

    public void recordFailure(String account, String ip) {
        if (failures.size() > MAX_KEYS) {
            prune();
        }
        var now = System.nanoTime();
        add("account:" + account, now, false);
        add("pair:" + account + "|" + ip, now, false);
        add("ip:" + ip, now, true);
    }

    public void recordSuccess(String account, String ip) {
        failures.remove("account:" + account);
        failures.remove("pair:" + account + "|" + ip);
    }

    private long waitNanos(String key, long now, long maxDelayNanos) {
        var entry = failures.get(key);
        if (entry == null) {
            return 0;
        }
        synchronized (entry) {
            if (entry.count < freeFailures || now - entry.lastNanos >= windowNanos) {
                return 0;
            }
            int doublings = Math.min(40, entry.count - freeFailures);
            long delay = Math.min(maxDelayNanos, 1_000_000_000L << Math.min(doublings, 30));
            return Math.max(0, entry.lastNanos + delay - now);
        }
    }

    /** Accounts and pairs forget their failures a window after the last one; addresses count in fixed windows. */
    private void add(String key, long now, boolean fixedWindow) {
        var entry = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (entry) {
            if (entry.count == 0 || (fixedWindow ? now - entry.firstNanos >= ipWindowNanos : now - entry.lastNanos >= windowNanos)) {
                entry.count = 0;
                entry.firstNanos = now;
            }
            entry.count++;
            entry.lastNanos = now;
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        var now = System.nanoTime();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return now - entry.getValue().lastNanos >= Math.max(windowNanos, ipWindowNanos);
            }
        });
    }
}
