package io.goftgu.supportchat.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Business-time arithmetic without Quarkus: the default Tehran calendar (Saturday–Wednesday 09:00–17:00, Thursday
 * 09:00–13:00, Friday off). 2025-01-08 is a Wednesday; Tehran is UTC+03:30 all year.
 */
class SlaClockTest {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    final SlaClock clock = new SlaClock(BusinessHours.defaults());

    static Instant tehran(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TEHRAN).toInstant();
    }

    @Test
    void withinOneDayAndIntoTheNext() {
        assertEquals(tehran("2025-01-08T11:00"), clock.plusBusinessTime(tehran("2025-01-08T09:00"), Duration.ofHours(2)));
        // Wednesday 16:00 + 2h: one hour on Wednesday, one on Thursday morning
        assertEquals(tehran("2025-01-09T10:00"), clock.plusBusinessTime(tehran("2025-01-08T16:00"), Duration.ofHours(2)));
        // before opening counts from 09:00
        assertEquals(tehran("2025-01-08T09:30"), clock.plusBusinessTime(tehran("2025-01-08T06:00"), Duration.ofMinutes(30)));
    }

    @Test
    void skipsTheWeekend() {
        // Thursday closes at 13:00, Friday is off: Thursday 12:00 + 2h → Saturday 10:00
        assertEquals(tehran("2025-01-11T10:00"), clock.plusBusinessTime(tehran("2025-01-09T12:00"), Duration.ofHours(2)));
        // a ticket opened on Friday starts counting on Saturday morning
        assertEquals(tehran("2025-01-11T13:00"), clock.plusBusinessTime(tehran("2025-01-10T15:00"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(2),
                clock.businessTimeBetween(tehran("2025-01-09T12:00"), tehran("2025-01-11T10:00")));
    }

    @Test
    void skipsAHoliday() {
        var defaults = BusinessHours.defaults();
        var withHoliday = new SlaClock(new BusinessHours(defaults.zone(), defaults.days(), Set.of(LocalDate.parse("2025-01-11"))));
        // Saturday is a holiday: Thursday 12:00 + 2h → Sunday 10:00
        assertEquals(tehran("2025-01-12T10:00"), withHoliday.plusBusinessTime(tehran("2025-01-09T12:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(1),
                withHoliday.businessTimeBetween(tehran("2025-01-09T12:00"), tehran("2025-01-12T09:00")));
    }

    @Test
    void aPauseMovesTheDueTimeByTheBusinessTimeSpentPaused() {
        var start = tehran("2025-01-11T09:00");
        var target = Duration.ofHours(4);
        assertEquals(tehran("2025-01-11T13:00"), clock.dueAt(start, target, Duration.ZERO));
        // waiting for the customer from 10:00 to 12:00: due two hours later
        var paused = clock.businessTimeBetween(tehran("2025-01-11T10:00"), tehran("2025-01-11T12:00"));
        assertEquals(tehran("2025-01-11T15:00"), clock.dueAt(start, target, paused));
        // an 8h target paused from Saturday 16:00 to Sunday 10:00: only 2h of that night are business time
        var overnight = clock.businessTimeBetween(tehran("2025-01-11T16:00"), tehran("2025-01-12T10:00"));
        assertEquals(Duration.ofHours(2), overnight);
        assertEquals(tehran("2025-01-12T11:00"), clock.dueAt(start, Duration.ofHours(8), overnight));
        // at Saturday 12:00 one business hour of the four was used (10:00–12:00 paused)
        assertEquals(0.25, clock.used(start, target, Duration.ofHours(2), tehran("2025-01-11T12:00")), 1e-9);
    }

    @Test
    void aTimeZoneChangeOfTheWorkspaceMovesTheCalendar() {
        var start = Instant.parse("2025-01-08T13:00:00Z"); // 16:30 in Tehran, 13:00 in London
        assertEquals(Instant.parse("2025-01-09T06:00:00Z"), clock.plusBusinessTime(start, Duration.ofHours(1)));
        var london = new SlaClock(BusinessHours.defaults().withZone(ZoneId.of("Europe/London")));
        assertEquals(Instant.parse("2025-01-08T14:00:00Z"), london.plusBusinessTime(start, Duration.ofHours(1)));
        assertEquals(Duration.ofMinutes(30),
                clock.businessTimeBetween(start, Instant.parse("2025-01-08T14:00:00Z")));
    }

    @Test
    void aCalendarWithoutWorkingTimeNeverFallsDue() {
        var closed = new SlaClock(new BusinessHours(TEHRAN, java.util.Map.of(), Set.of()));
        assertNull(closed.plusBusinessTime(tehran("2025-01-08T09:00"), Duration.ofHours(1)));
    }
}
