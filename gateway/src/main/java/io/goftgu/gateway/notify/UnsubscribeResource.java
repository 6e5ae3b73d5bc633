package io.goftgu.gateway.notify;

import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.problem.Problems;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The link in every notification mail: works without signing in, on the strength of its signed token
 * ({@link UnsubscribeTokens}). GET shows a page with one button (a link opened by a mail scanner changes nothing);
 * POST turns the mail's kind off, which is also the one-click unsubscribe of RFC 8058 that mail clients send.
 */
@Path("/api/notifications/unsubscribe")
@PermitAll
@Tag(name = "Notifications")
public class UnsubscribeResource {

    /** The path, exempt from the CSRF check: the token in the query is the proof (edge/EdgeFilter). */
    public static final String PATH = "/api/notifications/unsubscribe";

    private final UnsubscribeTokens tokens;
    private final NotifySettings settings;
    private final Template page;

    UnsubscribeResource(UnsubscribeTokens tokens, NotifySettings settings,
                        @Location("notify/unsubscribe.html") Template page) {
        this.tokens = tokens;
        this.settings = settings;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind a mail's unsubscribe link: asks to confirm")
    @APIResponse(responseCode = "200", description = "a page with the confirming button")
    @APIResponse(responseCode = "400", description = "the token is missing, changed or expired")
    public String confirm(@QueryParam("token") String token) {
        var unsubscribe = valid(token);
        return render(unsubscribe.kind(), token, false);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "Turn off the mail's kind for its recipient (one-click, RFC 8058)")
    @APIResponse(responseCode = "200", description = "done; repeating it changes nothing")
    @APIResponse(responseCode = "400", description = "the token is missing, changed or expired")
    public String unsubscribe(@QueryParam("token") String token) {
        var unsubscribe = valid(token);
        settings.save(unsubscribe.userId(), settings.switches(unsubscribe.userId()).with(unsubscribe.kind(), false));
        return render(unsubscribe.kind(), token, true);
    }

    private String render(NotifyKind kind, String token, boolean done) {
        var names = switch (kind) {
            case MENTION -> new String[]{"نام‌بردن از شما", "mentions"};
            case DIRECT -> new String[]{"پیام‌های مستقیم", "direct messages"};
            case TICKET_REPLY -> new String[]{"پاسخ به درخواست‌ها", "replies to your requests"};
        };
        return page.data("fa", names[0]).data("en", names[1]).data("token", token).data("done", done).render();
    }

    private UnsubscribeTokens.Unsubscribe valid(String token) {
        var unsubscribe = tokens.verify(token)
                .orElseThrow(() -> Problems.badRequest("this unsubscribe link is not valid (changed or expired)"));
        UserAccount user = UserAccount.findById(unsubscribe.userId());
        if (user == null || !user.workspaceId.equals(unsubscribe.workspaceId())) {
            throw Problems.badRequest("this unsubscribe link is not valid (changed or expired)");
        }
        return unsubscribe;
    }
}
