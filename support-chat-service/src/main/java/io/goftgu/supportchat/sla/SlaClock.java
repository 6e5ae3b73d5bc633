package io.goftgu.supportchat.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Business-time arithmetic over a {@link BusinessHours} calendar: SLA targets count working time only, in the
 * workspace's time zone, skipping days off and holidays. Pauses (WAITING_CUSTOMER, PENDING) are handled by the
 * caller as business time to add to the target (see {@link #dueAt}).
 */
public final class SlaClock {

    /** No calendar has a gap this long: beyond it a target is treated as never due. */
    private static final int MAX_DAYS = 3 * 366;

    private final BusinessHours hours;

    public SlaClock(BusinessHours hours) {
        this.hours = hours;
    }

    /** The instant at which {@code amount} of business time has passed since {@code start}; null if never. */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        if (!hours.hasWorkingTime()) {
            return null;
        }
        var remaining = amount;
        var date = LocalDate.ofInstant(start, hours.zone());
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            for (var window : hours.windowsOn(date)) {
                var windowStart = at(date, window.startMinute());
                var windowEnd = at(date, window.endMinute());
                var from = start.isAfter(windowStart) ? start : windowStart;
                if (!from.isBefore(windowEnd)) {
                    continue;
                }
                var available = Duration.between(from, windowEnd);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        return null;
    }

    /** Business time within {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        var total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        var date = LocalDate.ofInstant(from, hours.zone());
        var last = LocalDate.ofInstant(to, hours.zone());
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            for (var window : hours.windowsOn(date)) {
                var start = max(from, at(date, window.startMinute()));
                var end = min(to, at(date, window.endMinute()));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * When a target counted from {@code start} falls due, given the business time already spent paused: the
     * paused time is simply added to the target, which is exact because pauses lie between start and now.
     */
    public Instant dueAt(Instant start, Duration target, Duration paused) {
        return plusBusinessTime(start, target.plus(paused));
    }

    /** How much of {@code target} has been used by {@code now}, paused time excluded: 0.0 … 1.0 and beyond. */
    public double used(Instant start, Duration target, Duration paused, Instant now) {
        if (target.isZero()) {
            return 1.0;
        }
        var spent = businessTimeBetween(start, now).minus(paused);
        return Math.max(0, spent.toMillis()) / (double) target.toMillis();
    }

    private Instant at(LocalDate date, int minute) {
        return date.atStartOfDay(hours.zone()).plusMinutes(minute).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
