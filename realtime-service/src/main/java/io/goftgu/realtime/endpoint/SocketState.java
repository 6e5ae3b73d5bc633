package io.goftgu.realtime.endpoint;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * What realtime-service tracks about one socket to keep it from harming the others: frames handed to it but not
 * yet written out (a client that does not read makes this grow), the client's frame budget, when it last showed
 * life, and when its token expires. There is one per open socket, so it is kept small: counters are plain volatile
 * fields updated atomically, and the set of joined rooms exists only once the socket joins one.
 */
public final class SocketState {

    private static final AtomicIntegerFieldUpdater<SocketState> UNWRITTEN =
            AtomicIntegerFieldUpdater.newUpdater(SocketState.class, "unwritten");
    private static final AtomicIntegerFieldUpdater<SocketState> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(SocketState.class, "closing");
    private static final AtomicIntegerFieldUpdater<SocketState> OWES_RESYNC =
            AtomicIntegerFieldUpdater.newUpdater(SocketState.class, "owesResync");

    private volatile int unwritten;
    /** When a frame was last written out, or when frames started waiting after none were. */
    private volatile long lastProgressNanos = System.nanoTime();
    /** 1 once someone started closing the socket. */
    private volatile int closing;
    /** 1 while a frame was dropped and the client was not yet told to resync. */
    private volatile int owesResync;
    private final long tokenExpiresAtMillis;
    private volatile long lastInboundNanos = System.nanoTime();
    // token bucket for client frames; only touched on the socket's own event loop
    private double tokens;
    private long refilledAtNanos = System.nanoTime();

    // token bucket for checks with owner services (joins); touched from the event loop and owner-call callbacks
    private double checkTokens;
    private long checksRefilledAtNanos = System.nanoTime();
    /** The rooms and tickets this socket has joined ("room:<id>", "ticket:<id>"), oldest first. */
    private java.util.LinkedHashSet<String> joined;

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
        return joined != null && joined.contains(key);
    }

    /** Joins {@code key}; when more than {@code max} are joined, lets go of the oldest and returns it, else null. */
    public synchronized String join(String key, int max) {
        if (joined == null) {
            joined = new java.util.LinkedHashSet<>();
        }
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
        return joined != null && joined.remove(key);
    }

    public synchronized java.util.List<String> joined() {
        return joined == null ? java.util.List.of() : java.util.List.copyOf(joined);
    }

    /** A frame is about to be written; returns how many are now waiting, this one included. */
    int queued() {
        var now = UNWRITTEN.incrementAndGet(this);
        if (now == 1) {
            lastProgressNanos = System.nanoTime();
        }
        return now;
    }

    /** A frame for this socket was dropped: the client must be told to refetch. */
    void dropped() {
        owesResync = 1;
    }

    /** True for the one caller that gets to tell the client to resync after a drop. */
    boolean takeResync() {
        return owesResync == 1 && OWES_RESYNC.compareAndSet(this, 1, 0);
    }

    void written() {
        lastProgressNanos = System.nanoTime();
        UNWRITTEN.decrementAndGet(this);
    }

    /** Frames are waiting and none was written out for longer than {@code stallNanos}: the client stopped reading. */
    boolean stalled(long now, long stallNanos) {
        return unwritten > 0 && now - lastProgressNanos > stallNanos;
    }

    public int unwritten() {
        return unwritten;
    }

    /** True for the one caller that gets to close the socket. */
    boolean startClosing() {
        return CLOSING.compareAndSet(this, 0, 1);
    }

    boolean isClosing() {
        return closing == 1;
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
