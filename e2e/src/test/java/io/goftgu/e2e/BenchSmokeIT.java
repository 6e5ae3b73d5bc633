package io.goftgu.e2e;

import io.goftgu.bench.LoadRun;
import io.goftgu.bench.Profile;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's 20-second smoke profile against the running stack, sockets through the gateway: every message
 * must reach every socket of its room exactly once. Not a speed test (CI machines vary); it proves the load
 * generator and the delivery path keep working, and prints the table.
 */
class BenchSmokeIT {

    @Test
    void theSmokeProfileLosesAndDuplicatesNothing() throws Exception {
        var stack = LocalStack.shared();
        var profile = Profile.parse("smoke", "--gateway=" + stack.gateway(), "--ws=" + stack.ws(),
                "--run-dir=" + stack.runDir());
        var vertx = Vertx.vertx();
        try {
            var result = new LoadRun(vertx, profile).run();
            System.out.print(result.table());
            if (!result.ok()) {
                System.out.println(stack.serviceLogs(60));
            }
            assertEquals(0, result.errors(), "refused sends");
            assertEquals(0, result.lost(), "lost deliveries");
            assertEquals(0, result.duplicates(), "duplicated deliveries");
            assertTrue(result.ok());
            // the CPU table, read from /proc, names the machine's steal in its window: what tells a contended host
            assertTrue(Pattern.compile("\\| CPU window .*; steal \\d+\\.\\d % of the machine's CPU time")
                    .matcher(result.table()).find(), "the CPU window's steal is read");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
