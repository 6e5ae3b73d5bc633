package io.goftgu.realtime.endpoint;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What realtime-service tracks about one socket to keep it from harming the others: frames handed to it but not
 * yet written out (a client that does not read makes this grow), the client's frame budget, when it last showed
 * life, and when its token expires.
 */
public final class SocketState {

    private final AtomicInteger unwritten = new AtomicInteger();
    /** When a frame was last written out, or when frames started waiting after none were. */
    private volatile long lastProgressNanos = System.nanoTime();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final long tokenExpiresAtMillis;
    private volatile long lastInboundNanos = System.nanoTime();
    // token bucket for client frames; only touched on the socket's own event loop
    private double tokens;
    private long refilledAtNanos = System.nanoTime();

    // token bucket for checks with owner services (joins); touched from the event loop and owner-call callbacks
    private double checkTokens;
    private long checksRefilledAtNanos = System.nanoTime();
    /** The rooms and tickets this socket has joined ("room:<id>", "ticket:<id>"), oldest first. */
    private final java.util.LinkedHashSet<String> joined = new java.util.LinkedHashSet<>();

    public SocketState(long tokenExpiresAtMillis, int burst) {
        this(tokenExpiresAtMillis, burst, 10);
    }

    public SocketState(long tokenExpiresAtMillis, int burst, int checkBurst) {
        this.tokenExpiresAtMillis = tokenExpiresAtMillis;
        this.tokens = burst;
        this.checkTokens = checkBurst;
    }

    /** Takes one owner check from its budget; false when spent. */
    synchronized boolean admitCheck(double perSecond, int burst) {
        var now = System.nanoTime();
        checkTokens = Math.min(burst, checkTokens + (now - checksRefilledAtNanos) / 1e9 * perSecond);
        checksRefilledAtNanos = now;
        if (checkTokens < 1) {
            return false;
        }
        checkTokens -= 1;
        return true;
    }

    public synchronized boolean hasJoined(String key) {
        return joined.contains(key);
    }

    /** Joins {@code key}; when more than {@code max} are joined, lets go of the oldest and returns it, else null. */
    public synchronized String join(String key, int max) {
        joined.remove(key);
        joined.add(key);
        if (joined.size() <= max) {
            return null;
        }
        var oldest = joined.iterator().next();
        joined.remove(oldest);
        return oldest;
    }

    public synchronized boolean leave(String key) {
        return joined.remove(key);
    }

    public synchronized java.util.List<String> joined() {
        return java.util.List.copyOf(joined);
    }

    /** A frame is about to be written; returns how many are now waiting, this one included. */
    int queued() {
        var now = unwritten.incrementAndGet();
        if (now == 1) {
            lastProgressNanos = System.nanoTime();
        }
        return now;
    }

    void written() {
        lastProgressNanos = System.nanoTime();
        unwritten.decrementAndGet();
    }

    /** Frames are waiting and none was written out for longer than {@code stallNanos}: the client stopped reading. */
    boolean stalled(long now, long stallNanos) {
        return unwritten.get() > 0 && now - lastProgressNanos > stallNanos;
    }

    public int unwritten() {
        return unwritten.get();
    }

    /** True for the one caller that gets to close the socket. */
    boolean startClosing() {
        return closing.compareAndSet(false, true);
    }

    boolean isClosing() {
        return closing.get();
    }

    void sawLife() {
        lastInboundNanos = System.nanoTime();
    }

    long silentNanos(long now) {
        return now - lastInboundNanos;
    }

    boolean tokenExpired(long nowMillis) {
        return tokenExpiresAtMillis > 0 && nowMillis >= tokenExpiresAtMillis;
    }

    /** Takes one client frame from the budget ({@code perSecond} refill, up to {@code burst}); false when spent. */
    boolean admitFrame(double perSecond, int burst) {
        var now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAtNanos) / 1e9 * perSecond);
        refilledAtNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
