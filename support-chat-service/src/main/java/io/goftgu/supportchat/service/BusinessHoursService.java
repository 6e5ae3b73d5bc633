package io.goftgu.supportchat.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.goftgu.events.EventJson;
import io.goftgu.problem.ProblemException;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.BusinessHoursView;
import io.goftgu.supportchat.api.Views.WindowView;
import io.goftgu.supportchat.domain.BusinessHoursSetting;
import io.goftgu.supportchat.sla.BusinessHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** A workspace's business hours (time zone, weekly windows, holidays): the calendar SLA times run on. */
@ApplicationScoped
public class BusinessHoursService {

    private final EntityManager em;
    private final SlaService sla;

    BusinessHoursService(EntityManager em, SlaService sla) {
        this.em = em;
        this.sla = sla;
    }

    @Transactional
    public BusinessHoursView get(UUID workspaceId) {
        return view(sla.calendar(workspaceId));
    }

    @Transactional
    public BusinessHoursView save(UUID workspaceId, Requests.BusinessHoursBody body) {
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone());
        } catch (RuntimeException e) {
            throw Problems.invalid("timeZone", "is not a time zone (e.g. Asia/Tehran)");
        }
        var days = new EnumMap<DayOfWeek, List<BusinessHours.Window>>(DayOfWeek.class);
        var holidays = new HashSet<LocalDate>();
        try {
            body.days().forEach((day, windows) -> days.put(DayOfWeek.valueOf(day.toUpperCase()),
                    windows.stream().map(w -> BusinessHours.Window.of(w.start(), w.end())).toList()));
            if (body.holidays() != null) {
                body.holidays().forEach(d -> holidays.add(LocalDate.parse(d)));
            }
            var hours = new BusinessHours(zone, days, holidays);
            BusinessHoursSetting s = BusinessHoursSetting.findById(workspaceId);
            if (s == null) {
                s = new BusinessHoursSetting();
                s.workspaceId = workspaceId;
            }
            s.timeZone = zone.getId();
            var schedule = new LinkedHashMap<String, List<List<String>>>();
            hours.days().forEach((d, w) -> schedule.put(d.name(), w.stream().map(x -> List.of(x.start(), x.end())).toList()));
            s.schedule = EventJson.MAPPER.writeValueAsString(schedule);
            s.holidays = EventJson.MAPPER.writeValueAsString(holidays.stream().sorted().map(LocalDate::toString).toList());
            s.persist();
            em.flush();
            sla.recomputeWorkspace(workspaceId);
            return view(hours);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw Problems.invalid("days", "need weekday names and windows of HH:mm that run forward without overlapping; holidays are yyyy-MM-dd");
        }
    }

    private static BusinessHoursView view(BusinessHours hours) {
        var days = new LinkedHashMap<String, List<WindowView>>();
        for (var day : List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            var windows = hours.days().get(day);
            if (windows != null && !windows.isEmpty()) {
                days.put(day.name(), windows.stream().map(w -> new WindowView(w.start(), w.end())).toList());
            }
        }
        return new BusinessHoursView(hours.zone().getId(), days,
                hours.holidays().stream().sorted().map(LocalDate::toString).toList());
    }
}
