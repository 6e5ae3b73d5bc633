package io.goftgu.supportchat.service;

import io.goftgu.events.EventJson;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.BusinessHoursSetting;
import io.goftgu.supportchat.domain.CannedResponse;
import io.goftgu.supportchat.domain.Category;
import io.goftgu.supportchat.domain.Label;
import io.goftgu.supportchat.domain.SlaPolicy;
import io.goftgu.supportchat.domain.Ticket;
import io.goftgu.supportchat.domain.WorkspaceSettings;
import io.goftgu.supportchat.mapping.TicketViews;
import io.goftgu.supportchat.sla.BusinessHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A workspace's support configuration: categories, labels, canned responses, SLA, calendar, widget, assignment. */
@ApplicationScoped
public class WorkspaceConfiguration {

    public record CategoryView(UUID id, UUID parentId, String name, int position) {
    }

    public record CannedView(UUID id, String shortCode, String title, String body) {
    }

    public record SlaPolicyView(UUID id, String name, String priority, int firstResponseMinutes,
                                Integer nextResponseMinutes, int resolutionMinutes) {
    }

    public record WindowView(String start, String end) {
    }

    public record BusinessHoursView(String timeZone, Map<String, List<WindowView>> days, List<String> holidays) {
    }

    /**
     * {@code secret} is shown only in the answer to a PUT that regenerated it (once); otherwise null, with
     * {@code secretHint} (its last four characters) so an admin can tell which secret the site has.
     */
    public record WidgetSettingsView(String secret, String secretHint, boolean enforceVerification,
                                     List<String> allowedOrigins, String color, Requests.Greeting greeting,
                                     String language) {
    }

    /** What the gateway needs to serve the widget (internal API): never the secret. */
    public record WidgetPublicView(List<String> allowedOrigins, String color, Requests.Greeting greeting,
                                   String language) {
    }

    public record AssignmentSettingsView(boolean autoAssign, int agentCapacity) {
    }

    private final EntityManager em;
    private final GuestService guests;
    private final SlaService sla;

    WorkspaceConfiguration(EntityManager em, GuestService guests, SlaService sla) {
        this.em = em;
        this.guests = guests;
        this.sla = sla;
    }

    // categories

    @Transactional
    public List<CategoryView> categories(UUID workspaceId) {
        return Category.<Category>list("workspaceId = ?1 order by position, name", workspaceId).stream()
                .map(c -> new CategoryView(c.id, c.parentId, c.name, c.position)).toList();
    }

    @Transactional
    public CategoryView saveCategory(UUID workspaceId, UUID id, Requests.CategoryBody body) {
        Category c = id == null ? new Category() : own(Category.findById(id), workspaceId, "category");
        if (body.parentId() != null) {
            Category parent = own(Category.findById(body.parentId()), workspaceId, "parent");
            for (var p = parent; p != null; p = p.parentId == null ? null : Category.findById(p.parentId)) {
                if (p.id.equals(c.id)) {
                    throw Problems.invalid("parentId", "would make the category its own ancestor");
                }
            }
        }
        var name = body.name().strip();
        if (Category.<Category>list("workspaceId", workspaceId).stream().anyMatch(x -> !x.id.equals(c.id)
                && java.util.Objects.equals(x.parentId, body.parentId()) && x.name.equalsIgnoreCase(name))) {
            throw Problems.conflict("a category named " + name + " exists at that place");
        }
        if (id == null) {
            c.id = UUID.randomUUID();
            c.workspaceId = workspaceId;
            c.createdAt = Instant.now();
        }
        c.name = body.name().strip();
        c.parentId = body.parentId();
        c.position = body.position() == null ? c.position : body.position();
        c.persist();
        return new CategoryView(c.id, c.parentId, c.name, c.position);
    }

    @Transactional
    public void deleteCategory(UUID workspaceId, UUID id) {
        Category c = own(Category.findById(id), workspaceId, "category");
        if (Category.count("parentId", c.id) > 0) {
            throw Problems.conflict("the category has sub-categories; move or delete them first");
        }
        c.delete();
    }

    // labels

    @Transactional
    public List<Views.LabelView> labels(UUID workspaceId) {
        return Label.<Label>list("workspaceId = ?1 order by name", workspaceId).stream().map(TicketViews::label).toList();
    }

    @Transactional
    public Views.LabelView saveLabel(UUID workspaceId, UUID id, Requests.LabelBody body) {
        Label l = id == null ? new Label() : own(Label.findById(id), workspaceId, "label");
        var name = body.name().strip();
        if (Label.count("workspaceId = ?1 and lower(name) = ?2" + (id == null ? "" : " and id <> ?3"),
                args(workspaceId, name.toLowerCase(), id)) > 0) {
            throw Problems.conflict("a label named " + name + " exists");
        }
        if (id == null) {
            l.id = UUID.randomUUID();
            l.workspaceId = workspaceId;
            l.createdAt = Instant.now();
        }
        l.name = name;
        l.color = body.color() == null ? (l.color == null ? "#9e9e9e" : l.color) : body.color().toLowerCase();
        l.persist();
        return TicketViews.label(l);
    }

    @Transactional
    public void deleteLabel(UUID workspaceId, UUID id) {
        WorkspaceConfiguration.<Label>own(Label.findById(id), workspaceId, "label").delete();
    }

    // canned responses

    @Transactional
    public List<CannedView> canned(UUID workspaceId, String q) {
        var list = q == null || q.isBlank()
                ? CannedResponse.<CannedResponse>list("workspaceId = ?1 order by shortCode", workspaceId)
                : CannedResponse.<CannedResponse>list("workspaceId = ?1 and (lower(shortCode) like ?2 or lower(title) like ?2) order by shortCode",
                workspaceId, "%" + q.strip().toLowerCase() + "%");
        return list.stream().map(WorkspaceConfiguration::canned).toList();
    }

    @Transactional
    public CannedView saveCanned(UUID workspaceId, UUID id, Requests.CannedBody body) {
        CannedResponse c = id == null ? new CannedResponse() : own(CannedResponse.findById(id), workspaceId, "canned response");
        if (CannedResponse.count("workspaceId = ?1 and lower(shortCode) = ?2" + (id == null ? "" : " and id <> ?3"),
                args(workspaceId, body.shortCode().toLowerCase(), id)) > 0) {
            throw Problems.conflict("the short code " + body.shortCode() + " is taken");
        }
        if (id == null) {
            c.id = UUID.randomUUID();
            c.workspaceId = workspaceId;
            c.createdAt = Instant.now();
        }
        c.shortCode = body.shortCode();
        c.title = body.title().strip();
        c.body = body.body();
        c.persist();
        return canned(c);
    }

    @Transactional
    public CannedView cannedById(UUID workspaceId, UUID id) {
        return canned(own(CannedResponse.findById(id), workspaceId, "canned response"));
    }

    @Transactional
    public void deleteCanned(UUID workspaceId, UUID id) {
        WorkspaceConfiguration.<CannedResponse>own(CannedResponse.findById(id), workspaceId, "canned response").delete();
    }

    private static CannedView canned(CannedResponse c) {
        return new CannedView(c.id, c.shortCode, c.title, c.body);
    }

    // SLA policies

    @Transactional
    public List<SlaPolicyView> policies(UUID workspaceId) {
        return SlaPolicy.<SlaPolicy>list("workspaceId = ?1 order by priority", workspaceId).stream()
                .map(WorkspaceConfiguration::policy).toList();
    }

    @Transactional
    public SlaPolicyView savePolicy(UUID workspaceId, UUID id, Requests.SlaPolicyBody body) {
        SlaPolicy p = id == null ? new SlaPolicy() : own(SlaPolicy.findById(id), workspaceId, "SLA policy");
        if (SlaPolicy.count("workspaceId = ?1 and priority = ?2" + (id == null ? "" : " and id <> ?3"),
                args(workspaceId, body.priority().name(), id)) > 0) {
            throw Problems.conflict("a policy for priority " + body.priority() + " exists");
        }
        if (id == null) {
            p.id = UUID.randomUUID();
            p.workspaceId = workspaceId;
        }
        p.name = body.name().strip();
        p.priority = body.priority().name();
        p.firstResponseMinutes = body.firstResponseMinutes();
        p.nextResponseMinutes = body.nextResponseMinutes();
        p.resolutionMinutes = body.resolutionMinutes();
        p.persist();
        em.flush();
        sla.recomputeWorkspace(workspaceId);
        return policy(p);
    }

    @Transactional
    public void deletePolicy(UUID workspaceId, UUID id) {
        WorkspaceConfiguration.<SlaPolicy>own(SlaPolicy.findById(id), workspaceId, "SLA policy").delete();
        em.flush();
        sla.recomputeWorkspace(workspaceId);
    }

    private static SlaPolicyView policy(SlaPolicy p) {
        return new SlaPolicyView(p.id, p.name, p.priority, p.firstResponseMinutes, p.nextResponseMinutes, p.resolutionMinutes);
    }

    // business hours

    @Transactional
    public BusinessHoursView businessHours(UUID workspaceId) {
        return view(sla.calendar(workspaceId));
    }

    @Transactional
    public BusinessHoursView saveBusinessHours(UUID workspaceId, Requests.BusinessHoursBody body) {
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone());
        } catch (RuntimeException e) {
            throw Problems.invalid("timeZone", "is not a time zone (e.g. Asia/Tehran)");
        }
        var days = new EnumMap<DayOfWeek, List<BusinessHours.Window>>(DayOfWeek.class);
        var holidays = new java.util.HashSet<LocalDate>();
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            if (e instanceof io.goftgu.problem.ProblemException p) {
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

    // widget and assignment settings

    @Transactional
    public WidgetSettingsView widget(UUID workspaceId) {
        return widgetView(guests.settings(workspaceId), false);
    }

    @Transactional
    public WidgetSettingsView saveWidget(UUID workspaceId, Requests.WidgetSettingsBody body) {
        // everything is checked before anything changes
        var origins = body.allowedOrigins() == null ? null : WidgetOrigins.normalise(body.allowedOrigins());
        var s = guests.settings(workspaceId);
        if (body.enforceVerification() != null) {
            s.enforceVerification = body.enforceVerification();
        }
        if (origins != null) {
            s.allowedOrigins = json(origins);
        }
        if (body.color() != null) {
            s.widgetColor = body.color().toLowerCase();
        }
        if (body.greeting() != null) {
            s.greetingFa = blankToNull(body.greeting().fa());
            s.greetingEn = blankToNull(body.greeting().en());
        }
        if (body.language() != null) {
            s.widgetLanguage = body.language();
        }
        var regenerated = Boolean.TRUE.equals(body.regenerateSecret());
        if (regenerated) {
            s.widgetSecret = GuestService.newSecret();
        }
        return widgetView(s, regenerated);
    }

    /** The widget settings the gateway needs for a workspace's widget page and its public configuration. */
    @Transactional
    public WidgetPublicView widgetPublic(UUID workspaceId) {
        WorkspaceSettings s = WorkspaceSettings.findById(workspaceId);
        if (s == null) {
            return new WidgetPublicView(List.of(), null, new Requests.Greeting(null, null), "auto");
        }
        return new WidgetPublicView(origins(s), s.widgetColor, new Requests.Greeting(s.greetingFa, s.greetingEn),
                s.widgetLanguage);
    }

    private static WidgetSettingsView widgetView(WorkspaceSettings s, boolean showSecret) {
        var hint = "…" + s.widgetSecret.substring(Math.max(0, s.widgetSecret.length() - 4));
        return new WidgetSettingsView(showSecret ? s.widgetSecret : null, hint, s.enforceVerification, origins(s),
                s.widgetColor, new Requests.Greeting(s.greetingFa, s.greetingEn), s.widgetLanguage);
    }

    private static List<String> origins(WorkspaceSettings s) {
        try {
            return List.of(EventJson.MAPPER.readValue(s.allowedOrigins, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("workspace_settings.allowed_origins is not a JSON array", e);
        }
    }

    private static String json(List<String> values) {
        try {
            return EventJson.MAPPER.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Transactional
    public AssignmentSettingsView assignment(UUID workspaceId) {
        var s = guests.settings(workspaceId);
        return new AssignmentSettingsView(s.autoAssign, s.agentCapacity);
    }

    @Transactional
    public AssignmentSettingsView saveAssignment(UUID workspaceId, Requests.AssignmentSettingsBody body) {
        var s = guests.settings(workspaceId);
        s.autoAssign = body.autoAssign();
        if (body.agentCapacity() != null) {
            s.agentCapacity = body.agentCapacity();
        }
        return new AssignmentSettingsView(s.autoAssign, s.agentCapacity);
    }

    @Transactional
    public Views.GuestView guest(UUID workspaceId, UUID id) {
        return TicketViews.guest(own(io.goftgu.supportchat.domain.Guest.findById(id), workspaceId, "guest"));
    }

    /** Positional query arguments; a null (no id yet) is left out together with its clause. */
    private static Object[] args(Object... values) {
        var list = new ArrayList<Object>();
        for (var v : values) {
            if (v != null) {
                list.add(v);
            }
        }
        return list.toArray();
    }

    @SuppressWarnings("unchecked")
    private static <T> T own(Object entity, UUID workspaceId, String what) {
        UUID ws = switch (entity) {
            case null -> null;
            case Category c -> c.workspaceId;
            case Label l -> l.workspaceId;
            case CannedResponse c -> c.workspaceId;
            case SlaPolicy p -> p.workspaceId;
            case io.goftgu.supportchat.domain.Guest g -> g.workspaceId;
            case Ticket t -> t.workspaceId;
            default -> null;
        };
        if (ws == null || !ws.equals(workspaceId)) {
            throw Problems.notFound(what);
        }
        return (T) entity;
    }
}
