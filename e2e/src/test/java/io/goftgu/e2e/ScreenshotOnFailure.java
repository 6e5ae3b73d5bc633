package io.goftgu.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes the browser windows a test opened; when the test failed, first saves each as
 * {@code FAILED-<test>-<n>.png} beside the screenshots, so a CI failure shows what the person would have seen.
 */
final class ScreenshotOnFailure implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext test) {
        int n = 0;
        for (var session : BrowserSession.OPEN) {
            if (test.getExecutionException().isPresent()) {
                try {
                    session.page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(BrowserSession
                            .SCREENSHOTS.resolve("FAILED-" + test.getRequiredTestMethod().getName() + "-" + (++n) + ".png")));
                } catch (RuntimeException e) {
                    System.err.println("no screenshot of a failed test's window: " + e.getMessage());
                }
            }
            session.close();
        }
    }
}
