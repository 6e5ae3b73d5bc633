package io.goftgu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests, one per JVM. Uses the server named by {@code GOFTGU_TEST_PG_HOST},
 * {@code GOFTGU_TEST_PG_PORT}, {@code GOFTGU_TEST_PG_USER} and {@code GOFTGU_TEST_PG_PASSWORD} when set; otherwise
 * starts a throwaway cluster from the system's PostgreSQL binaries (installing Debian's package first when it is
 * missing and we are root), as the unprivileged {@code postgres} user when we are root, since PostgreSQL refuses
 * to run as root. The cluster trades durability for speed (no fsync) and is deleted when the JVM exits.
 */
public final class PostgresServer {

    private static PostgresServer shared;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            var host = System.getenv("GOFTGU_TEST_PG_HOST");
            shared = host != null
                    ? new PostgresServer(host, Integer.parseInt(env("GOFTGU_TEST_PG_PORT", "5432")),
                            env("GOFTGU_TEST_PG_USER", "postgres"), env("GOFTGU_TEST_PG_PASSWORD", ""))
                    : startThrowawayCluster();
        }
        return shared;
    }

    /** Creates {@code database} if it does not exist and returns its JDBC URL. */
    public String database(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name " + database);
        }
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return jdbcUrl(database);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The datasource settings of a Quarkus service using {@code database}. */
    public Map<String, String> quarkusConfig(String database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", database(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static PostgresServer startThrowawayCluster() {
        try {
            var bin = binaries();
            var root = "root".equals(System.getProperty("user.name"));
            var dir = Files.createTempDirectory("goftgu-pg-");
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            int port = FreePorts.next();
            run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), root);
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                    "start"), root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                            "immediate", "stop"), root);
                    deleteTree(dir);
                } catch (Exception ignored) {
                    // the JVM is exiting; a leftover temp folder is harmless
                }
            }));
            return new PostgresServer("127.0.0.1", port, "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("could not start a PostgreSQL cluster for the tests", e);
        }
    }

    /** The newest installed PostgreSQL's bin folder, installing Debian's package first if none is. */
    private static Path binaries() throws IOException {
        var found = newestInstalled();
        if (found == null && "root".equals(System.getProperty("user.name")) && Files.exists(Path.of("/usr/bin/apt-get"))) {
            run(List.of("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql"),
                    false);
            found = newestInstalled();
        }
        if (found == null) {
            throw new IllegalStateException("PostgreSQL is not installed: install it (Debian: apt-get install postgresql)"
                    + " or point GOFTGU_TEST_PG_HOST/PORT/USER/PASSWORD at a server");
        }
        return found;
    }

    private static Path newestInstalled() throws IOException {
        var versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (var dirs = Files.list(versions)) {
            return dirs.map(d -> d.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        }
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException {
        var full = new ArrayList<String>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        var process = new ProcessBuilder(full).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
