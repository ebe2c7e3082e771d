package org.wufei.gis.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The service started in a JVM of its own, so a test can kill it mid-write and start it again on the same database:
 * demo users and sites on, its output in {@code dir/<run>.log}.
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    /** A port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the service on {@code port} over {@code databaseUrl}, with {@code dir} as its data directory. */
    public static Process start(Path dir, int port, String run, String databaseUrl, String... moreArguments)
            throws IOException {
        return start(List.of(), true, dir, port, run, databaseUrl, moreArguments);
    }

    /** The same with JVM options before the main class (e.g. {@code -Dspring.aot.enabled=true}), demo on or off. */
    public static Process start(List<String> jvmOptions, boolean demo, Path dir, int port, String run,
            String databaseUrl, String... moreArguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.wufei.gis.GisApplication", "--server.port=" + port, "--spring.datasource.url=" + databaseUrl,
                "--gis.data-dir=" + dir.toAbsolutePath(), "--gis.demo.enabled=" + demo,
                "--server.tomcat.basedir=" + dir.resolve("tomcat").toAbsolutePath(), "--logging.level.root=warn"));
        command.addAll(List.of(moreArguments));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(run + ".log").toFile());
        return pb.start();
    }

    /**
     * Waits until {@code ready} says so (a refused connection counts as not yet), at most 5 minutes: a busy 2-core
     * machine starts slowly. Fails with the end of the log when the service dies or never gets ready.
     */
    public static void waitUntil(Process app, Path log, Callable<Boolean> ready) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline && app.isAlive()) {
            try {
                if (ready.call()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused until the server listens
            }
            Thread.sleep(200);
        }
        String out = Files.readString(log);
        throw new AssertionError("service did not start: " + out.substring(Math.max(0, out.length() - 3000)));
    }

    /** Up, and its demo sites (loaded after readiness) committed. */
    public static boolean demoLoaded(Http http) {
        Http.Response health = http.get("/actuator/health");
        return health.status() == 200
                && health.json().at("/components/demoData/status").asString("UP").equals("UP");
    }
}
