package io.goftgu.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The gateway's own settings; {@code application.properties} maps each to its environment variable. */
@ConfigMapping(prefix = "goftgu")
public interface GatewayConfig {

    SignUp signup();

    Tokens tokens();

    Login login();

    Passwords passwords();

    Cookies cookies();

    Routes routes();

    PublicSupport publicSupport();

    Writes writes();

    /** Per user or guest budgets of writes that cost storage or fan out (docs/security.md, "Writes"). */
    interface Writes {
        /** Message sends (internal chat and tickets) per principal per minute (GOFTGU_MESSAGES_PER_MINUTE). */
        @WithDefault("60")
        int messagesPerMinute();

        /** Uploads per principal per minute (GOFTGU_UPLOADS_PER_MINUTE). */
        @WithDefault("20")
        int uploadsPerMinute();
    }

    Widget widget();

    /** The shared secret the gateway shows support-chat's internal API (GOFTGU_INTERNAL_SECRET); never from clients. */
    String internalSecret();

    interface SignUp {
        /** Whether anyone may create a workspace through {@code POST /api/workspaces} (GOFTGU_SIGNUP_ENABLED). */
        @WithDefault("false")
        boolean enabled();
    }

    SignUpLimits signupLimits();

    interface SignUpLimits {
        /** Sign-ups one client address may make per hour, then 429 (GOFTGU_SIGNUP_PER_IP_PER_HOUR). */
        @WithDefault("5")
        int perIpPerHour();

        /** Sign-ups per hour on this replica from everyone, then 429 (GOFTGU_SIGNUP_PER_HOUR). */
        @WithDefault("100")
        int perHour();
    }

    interface Tokens {
        /** The {@code iss} claim of every token the gateway signs; services verify it (GOFTGU_JWT_ISSUER). */
        @WithDefault("goftgu")
        String issuer();

        /** The {@code aud} claim of every token the gateway signs; services verify it (GOFTGU_JWT_AUDIENCE). */
        @WithDefault("goftgu")
        String audience();

        /** How long an access token is valid (GOFTGU_ACCESS_TOKEN_LIFETIME). */
        @WithDefault("15m")
        Duration accessLifetime();

        /** How long a refresh token is valid; each refresh issues a new one (GOFTGU_REFRESH_TOKEN_LIFETIME). */
        @WithDefault("14d")
        Duration refreshLifetime();

        /** How long a guest (anonymous visitor) token is valid (GOFTGU_GUEST_TOKEN_LIFETIME). */
        @WithDefault("30d")
        Duration guestLifetime();

        /**
         * A signing key signs new tokens for this long, then a new one takes over and the old one only verifies
         * until its tokens expire (GOFTGU_SIGNING_KEY_MAX_AGE; docs/security.md, "Signing keys").
         */
        @WithDefault("30d")
        Duration signingKeyMaxAge();

        /** Clock difference tolerated when checking a token's expiry. */
        @WithDefault("30s")
        Duration clockSkew();
    }

    /** How failed logins slow down guessing without locking anyone out (docs/security.md, "Login"). */
    interface Login {
        /**
         * Failures an account may have (from anywhere, and from one address) before each further attempt must wait:
         * 1 s after the next failure, doubling with each (GOFTGU_LOGIN_FREE_FAILURES).
         */
        @WithDefault("5")
        int freeFailures();

        /** The longest wait an account's failures from all addresses impose: the victim's worst case (GOFTGU_LOGIN_ACCOUNT_MAX_DELAY). */
        @WithDefault("30s")
        Duration accountMaxDelay();

        /** The longest wait one address's failures on one account impose on that address (GOFTGU_LOGIN_PAIR_MAX_DELAY). */
        @WithDefault("15m")
        Duration pairMaxDelay();

        /** Failures one client address may have in the window before its logins get 429 (GOFTGU_LOGIN_IP_MAX_FAILURES). */
        @WithDefault("100")
        int ipMaxFailures();

        /** Password checks one client address may have in progress at once; more get 429 (GOFTGU_LOGIN_IP_MAX_CONCURRENT). */
        @WithDefault("4")
        int ipMaxConcurrent();

        /** An account's failures are forgotten this long after its last one (GOFTGU_LOGIN_WINDOW). */
        @WithDefault("1h")
        Duration window();

        /** The fixed window {@link #ipMaxFailures()} is counted in (GOFTGU_LOGIN_IP_WINDOW). */
        @WithDefault("10m")
        Duration ipWindow();
    }

    interface Passwords {
        /** Shortest password accepted. */
        @WithDefault("8")
        int minLength();

        /** Argon2id memory cost in KiB (OWASP's minimum profile: 19 MiB, 2 passes, 1 lane; ~55 ms here). */
        @WithDefault("19456")
        int memoryKib();

        /** Argon2id passes over the memory. */
        @WithDefault("2")
        int iterations();

        /** Argon2id lanes. */
        @WithDefault("1")
        int parallelism();

        /**
         * Password hashes computed at once, each holding {@link #memoryKib()} of heap (GOFTGU_PASSWORD_MAX_CONCURRENT).
         * Unset: a quarter of the heap's worth, at most twice the processors, at least 1.
         */
        Optional<Integer> maxConcurrent();

        /** How long a hash waits for its turn before the request gets 429 with Retry-After (GOFTGU_PASSWORD_MAX_WAIT). */
        @WithDefault("2s")
        Duration maxWait();
    }

    interface Cookies {
        /**
         * Whether session cookies carry {@code Secure} (GOFTGU_COOKIES_SECURE); when unset, they do exactly when the
         * request reached the gateway over HTTPS (as seen through a trusted proxy's X-Forwarded-Proto).
         */
        Optional<Boolean> secure();
    }

    /**
     * Where each service is: its base URL, or its replicas' base URLs separated by commas (all http or all https).
     * Requests take the replicas in turn; one that cannot be connected to is tried last for 5 s and the request moves
     * on to the next ({@code proxy/Upstreams}).
     */
    interface Routes {
        /**
         * Base URL of internal-chat-service, serving /api/internal-chat, or its replicas' URLs separated by commas
         * (GOFTGU_INTERNAL_CHAT_URL).
         */
        @WithDefault("http://localhost:8081")
        String internalChat();

        /**
         * Base URL of support-chat-service, serving /api/support-chat and the internal API the public endpoints call,
         * or its replicas' URLs separated by commas (GOFTGU_SUPPORT_CHAT_URL).
         */
        @WithDefault("http://localhost:8082")
        String supportChat();

        /**
         * Base URL of support-info-service, serving /api/support-info, or its replicas' URLs separated by commas
         * (GOFTGU_SUPPORT_INFO_URL).
         */
        @WithDefault("http://localhost:8083")
        String supportInfo();

        /**
         * Base URL of realtime-service, serving the /ws WebSocket, or its replicas' URLs separated by commas
         * (GOFTGU_REALTIME_URL).
         */
        @WithDefault("http://localhost:8084")
        String realtime();

        /** How long connecting to a replica may take before the next is tried; with none left, the caller gets 502. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * HTTP/1.1 keep-alive connections to one replica of a service, at most (GOFTGU_PROXY_HTTP_POOL_SIZE). A
         * service's own worker pool (Quarkus: 200 threads) is the real bound; 128 keeps it busy without queueing there.
         */
        @WithDefault("128")
        int httpPoolSize();

        /** Requests waiting for one of those connections, at most; more are answered 503 at once (GOFTGU_PROXY_HTTP_WAIT_QUEUE). */
        @WithDefault("2048")
        int httpWaitQueue();

        /**
         * WebSockets proxied to one realtime replica, at most (GOFTGU_PROXY_MAX_WEBSOCKETS). Each holds two file
         * descriptors of the gateway, so the process's descriptor limit is the real bound; past this an upgrade gets
         * 503 instead of waiting silently.
         */
        @WithDefault("100000")
        int maxWebsockets();

        /** Client connections from one address holding a WebSocket, at most; more get 429 (GOFTGU_PROXY_WEBSOCKETS_PER_IP). */
        @WithDefault("2000")
        int websocketsPerIp();
    }

    interface PublicSupport {
        /** Guest starts allowed per client IP within the window before 429 (GOFTGU_PUBLIC_STARTS_PER_IP). */
        @WithDefault("10")
        int startsPerIp();

        /** Guest starts allowed per workspace within the window before 429 (GOFTGU_PUBLIC_STARTS_PER_WORKSPACE). */
        @WithDefault("200")
        int startsPerWorkspace();

        /** Public reads (widget categories) allowed per client IP within the window (GOFTGU_PUBLIC_READS_PER_IP). */
        @WithDefault("120")
        int readsPerIp();

        /** The sliding window the public limits count in (GOFTGU_PUBLIC_RATE_WINDOW); counted per replica. */
        @WithDefault("1m")
        Duration window();

        /** How long a call to support-chat's internal API may take before the caller gets 502. */
        @WithDefault("10s")
        Duration upstreamTimeout();
    }

    interface Widget {
        /**
         * How long a workspace's widget settings (allowed origins, appearance), read from support chat's internal API,
         * are kept before asking again (GOFTGU_WIDGET_SETTINGS_CACHE): a change reaches the widget page within this.
         */
        @WithDefault("30s")
        Duration settingsCache();
    }
}
