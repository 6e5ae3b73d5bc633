package io.goftgu.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * {@code java -jar bench/target/goftgu-bench.jar [standard|cpu|smoke|connect|cycles|fault] [--field=value ...]} against a running stack
 * ({@code ./goftgu up}; the fault run needs two realtime replicas and is started by {@code ./goftgu bench fault});
 * prints one table and exits non-zero when anything was lost or duplicated.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        var profile = Profile.parse(args);
        // idle pooled connections closing is routine here, not a warning
        java.util.logging.Logger.getLogger("io.vertx.core.http.impl.HttpClientConnection")
                .setLevel(java.util.logging.Level.SEVERE);
        var vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            if (profile.name().equals("fault")) {
                var script = System.getenv("GOFTGU_SCRIPT");
                if (script == null) {
                    throw new IllegalStateException("the fault run drives the stack with ./goftgu: run ./goftgu bench fault");
                }
                var outcome = new FaultRun(vertx, profile, java.nio.file.Path.of(script)).run();
                System.out.print(outcome.table());
                System.exit(outcome.ok() ? 0 : 1);
            }
            if (profile.name().equals("cycles")) {
                var outcome = new CyclesRun(vertx, profile).run();
                System.out.print(outcome.table());
                System.exit(outcome.ok() ? 0 : 1);
            }
            if (profile.name().equals("connect")) {
                var outcome = new ConnectRun(vertx, profile, ConnectRun.pidFiles(profile)).run();
                System.out.print(outcome.table());
                System.exit(outcome.ok() ? 0 : 1);
            }
            var result = new LoadRun(vertx, profile).run();
            System.out.print(result.table());
            System.exit(result.ok() ? 0 : 1);
        } finally {
            vertx.close();
        }
    }
}
