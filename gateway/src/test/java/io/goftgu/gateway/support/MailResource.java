package io.goftgu.gateway.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.goftgu.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: a real SMTP server (GreenMail) on a free loopback port, which the gateway's mailer sends to
 * ({@code quarkus.mailer.mock=false} in the test profile). Tests read what arrived through {@link #server()}.
 */
public class MailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            // drops a client idle for 5 s, as real servers do on their own clock: a mail after a longer pause fails
            // unless the mailer let the idle connection go first (keep-alive-timeout). Set after start(), which
            // builds the servers afresh; each accepted connection reads it.
            server.getSmtp().setClientSocketTimeout(5_000);
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        var smtp = server().getSmtp();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "goftgu.notify.public-url", "http://goftgu.test");
    }

    @Override
    public void stop() {
        // the server lives as long as the JVM, like the other shared resources
    }
}
