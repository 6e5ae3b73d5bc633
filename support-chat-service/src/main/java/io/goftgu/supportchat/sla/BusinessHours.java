package io.goftgu.supportchat.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workspace's working calendar: time zone, working windows per weekday and holidays (whole days off).
 *
 * @param days per weekday its windows in order; a missing day is a day off
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<Window>> days, Set<LocalDate> holidays) {

    /** One working window of a day, in minutes after midnight; {@code endMinute} may be 1440 (midnight). */
    public record Window(int startMinute, int endMinute) {

        public Window {
            if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
                throw new IllegalArgumentException("a window runs forward within one day");
            }
        }

        public static Window of(String start, String end) {
            return new Window(minute(start), minute(end));
        }

        private static int minute(String time) {
            if ("24:00".equals(time)) {
                return 1440;
            }
            var t = LocalTime.parse(time);
            return t.getHour() * 60 + t.getMinute();
        }

        public String start() {
            return format(startMinute);
        }

        public String end() {
            return format(endMinute);
        }

        private static String format(int minute) {
            return "%02d:%02d".formatted(minute / 60, minute % 60);
        }
    }

    public BusinessHours {
        days = Map.copyOf(days);
        holidays = Set.copyOf(holidays);
        days.values().forEach(windows -> {
            for (int i = 1; i < windows.size(); i++) {
                if (windows.get(i).startMinute() < windows.get(i - 1).endMinute()) {
                    throw new IllegalArgumentException("a day's windows must be in order and must not overlap");
                }
            }
        });
    }

    /** Goftgu's default: Asia/Tehran, Saturday–Wednesday 09:00–17:00, Thursday 09:00–13:00, Friday off. */
    public static BusinessHours defaults() {
        var days = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
        for (var day : List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY)) {
            days.put(day, List.of(Window.of("09:00", "17:00")));
        }
        days.put(DayOfWeek.THURSDAY, List.of(Window.of("09:00", "13:00")));
        return new BusinessHours(ZoneId.of("Asia/Tehran"), days, Set.of());
    }

    public BusinessHours withZone(ZoneId newZone) {
        return new BusinessHours(newZone, days, holidays);
    }

    List<Window> windowsOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        return days.getOrDefault(date.getDayOfWeek(), List.of());
    }

    boolean hasWorkingTime() {
        return days.values().stream().anyMatch(w -> !w.isEmpty());
    }
}
