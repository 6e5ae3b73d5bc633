package io.goftgu.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Signing in, as a person does it in Chromium through the gateway: the login form by its accessible names, a wrong
 * password, a deep link that survives the detour through /login, each role's home and the routes it is kept out of,
 * logging out, and the language switch (Persian right-to-left by default, English left-to-right).
 */
@ExtendWith(ScreenshotOnFailure.class)
class LoginInBrowserIT {

    private static final Pattern INTERNAL_CHAT = Pattern.compile(".*/dashboard/internal-chat$");

    @Test
    void aWrongPasswordShowsTheErrorAndTheRightOneOpensInternalChat() throws Exception {
        var slug = workspace("login");
        signUp(slug, "سارا احمدی", "sara@" + slug + ".test");
        var browser = BrowserSession.open("fa");
        var page = browser.page;
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        browser.screenshot("login");

        browser.logIn(slug, "sara@" + slug + ".test", "not the password");
        assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));

        page.getByLabel("گذرواژه").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ورود")).click();
        assertThat(page).hasURL(INTERNAL_CHAT);
        assertThat(page.locator("html")).hasAttribute("lang", "fa");

        // the session is a cookie the script cannot read: nothing of it in storage
        assertEquals(0, ((Number) page.evaluate("localStorage.length === 0 ? 0 : "
                + "Object.keys(localStorage).filter(k => /token|jwt|session/i.test(k + localStorage.getItem(k))).length")).intValue());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("خروج")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        page.navigate("/dashboard/internal-chat");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        assertEquals(List.of(), browser.problems());
    }

    @Test
    void aDeepLinkOpenedSignedOutReturnsAfterLogin() throws Exception {
        var slug = workspace("deep");
        signUp(slug, "Ava", "ava@" + slug + ".test");
        var ava = login(slug, "ava@" + slug + ".test");
        var room = call("POST", "/api/internal-chat/rooms?type=group", ava.token(),
                Map.of("title", "Launch plan", "memberIds", List.of()), 201).path("id").asText();
        var browser = BrowserSession.open("en");
        var page = browser.page;
        page.navigate("/dashboard/internal-chat/" + room);
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        browser.logIn(slug, "ava@" + slug + ".test", PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/dashboard/internal-chat/" + room + "$"));
        assertThat(page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Messages"))).isVisible();
        assertEquals(List.of(), browser.problems());
    }

    @Test
    void eachRoleLandsAtHomeAndIsKeptOutOfTheOther() throws Exception {
        var slug = workspace("roles");
        signUp(slug, "Ava", "ava@" + slug + ".test");
        var ava = login(slug, "ava@" + slug + ".test");
        newUser(ava, slug, "Cam Customer", "cam@" + slug + ".test", "USER");
        var browser = BrowserSession.open("en");
        var page = browser.page;
        browser.logIn(slug, "cam@" + slug + ".test", PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/panel/support-chat$"));
        page.navigate("/dashboard/internal-chat");
        assertThat(page).hasURL(Pattern.compile(".*/panel/support-chat$"));
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/panel/support-chat$"));
        browser.screenshot("panel");
        page.getByLabel("Language").selectOption("fa");
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        browser.screenshot("panel");

        var staff = BrowserSession.open("en");
        staff.logIn(slug, "ava@" + slug + ".test", PASSWORD);
        assertThat(staff.page).hasURL(INTERNAL_CHAT);
        staff.page.navigate("/panel/support-chat");
        assertThat(staff.page).hasURL(INTERNAL_CHAT);
    }

    @Test
    void theLanguageSwitchMirrorsThePageAndIsKept() throws Exception {
        var browser = BrowserSession.open("fa");
        var page = browser.page;
        var html = page.locator("html");
        assertThat(html).hasAttribute("lang", "fa");
        assertThat(html).hasAttribute("dir", "rtl");
        page.getByLabel("زبان").selectOption("en");
        assertThat(html).hasAttribute("lang", "en");
        assertThat(html).hasAttribute("dir", "ltr");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        browser.screenshot("login");
        page.reload();
        assertThat(html).hasAttribute("lang", "en");
        page.navigate("/login?lang=fa");
        assertThat(html).hasAttribute("dir", "rtl");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ورود"))).isVisible();
        assertEquals(List.of(), browser.problems());
    }

    static String workspace(String prefix) {
        return "ui-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
