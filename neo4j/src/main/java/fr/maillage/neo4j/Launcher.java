// SPDX-License-Identifier: AGPL-3.0-or-later
package fr.maillage.neo4j;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community embedded, with APOC core, for Maillage's local use.
 *
 * <p>Usage: {@code java -jar maillage-neo4j.jar --port 7687 --data-dir ./data [--page-cache 128m]
 * [--password secret] [--exit-on-stdin-eof]}
 *
 * <p>Bolt listens on 127.0.0.1 only; there is no HTTP connector. When the database accepts Bolt
 * connections and APOC answers, exactly one line is printed on stdout:
 * {@code MAILLAGE_NEO4J_READY bolt://127.0.0.1:<port>}. Everything else goes to stderr or to
 * {@code <data-dir>/logs}.
 */
public final class Launcher {

    static final String READY_PREFIX = "MAILLAGE_NEO4J_READY ";
    private static final String DEFAULT_PAGE_CACHE = "128m";
    private static final String DEFAULT_USER = "neo4j";

    private Launcher() {}

    /** Parsed command line. */
    private record Options(int port, Path dataDir, String pageCache, String password, boolean exitOnStdinEof) {}

    /** A failure with a message meant for the person running the launcher. */
    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        // Keep stdout for the READY line only: anything a library prints goes to stderr.
        PrintStream ready = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try {
            run(parse(args), ready);
        } catch (UsageException e) {
            fail(e.getMessage(), null);
        } catch (Throwable t) {
            fail("Neo4j failed to start: " + rootMessage(t), t);
        }
    }

    private static void fail(String message, Throwable cause) {
        System.err.println("maillage-neo4j: " + message);
        if (cause != null && System.getenv("MAILLAGE_NEO4J_DEBUG") != null) {
            cause.printStackTrace(System.err);
        }
        System.err.flush();
        // halt, not exit: a half-started DBMS may have non-daemon threads and shutdown hooks that hang.
        Runtime.getRuntime().halt(1);
    }

    private static Options parse(String[] args) throws UsageException {
        Integer port = null;
        Path dataDir = null;
        String pageCache = DEFAULT_PAGE_CACHE;
        String password = null;
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> {
                    String value = value(args, ++i, arg);
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--port expects a number, got '" + value + "'");
                    }
                    if (port < 1 || port > 65535) {
                        throw new UsageException("--port must be between 1 and 65535, got " + port);
                    }
                }
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                case "--page-cache" -> pageCache = value(args, ++i, arg);
                case "--password" -> password = value(args, ++i, arg);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                case "--help", "-h" -> throw new UsageException(usage());
                default -> throw new UsageException("unknown argument '" + arg + "'\n" + usage());
            }
        }
        if (port == null) {
            throw new UsageException("--port is required\n" + usage());
        }
        if (dataDir == null) {
            throw new UsageException("--data-dir is required\n" + usage());
        }
        if (password != null && password.isEmpty()) {
            throw new UsageException("--password must not be empty (omit it to disable authentication)");
        }
        return new Options(port, dataDir, pageCache, password, exitOnStdinEof);
    }

    private static String value(String[] args, int index, String name) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(name + " expects a value");
        }
        return args[index];
    }

    private static String usage() {
        return "usage: java -jar maillage-neo4j.jar --port <boltPort> --data-dir <path>"
                + " [--page-cache 128m] [--password <pw>] [--exit-on-stdin-eof]";
    }

    private static void run(Options options, PrintStream ready) throws Exception {
        long pageCacheBytes;
        try {
            pageCacheBytes = SettingValueParsers.BYTES.parse(options.pageCache());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--page-cache: " + e.getMessage());
        }
        prepareDataDir(options.dataDir());
        checkPortFree(options.port());
        Path pluginDir = locatePluginDir();

        if (options.exitOnStdinEof()) {
            startStdinWatcher();
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(options.dataDir())
                .setUserLogProvider(new Log4jLogProvider(System.err, Level.WARN))
                .setConfig(Map.of(
                        BoltConnector.enabled, true,
                        BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port()),
                        BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.port()),
                        HttpConnector.enabled, false,
                        HttpsConnector.enabled, false,
                        GraphDatabaseSettings.pagecache_memory, pageCacheBytes,
                        GraphDatabaseSettings.auth_enabled, options.password() != null,
                        GraphDatabaseSettings.udc_enabled, false,
                        GraphDatabaseSettings.keep_logical_logs, "2 files"))
                // Bolt's defaults wait 5 s twice on shutdown; a local database can stop faster.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                .setConfig(GraphDatabaseSettings.plugin_dir, pluginDir)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));

        DatabaseManagementService service = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } catch (Throwable t) {
                System.err.println("maillage-neo4j: error during shutdown: " + rootMessage(t));
            }
        }, "maillage-neo4j-shutdown"));

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
            throw new UsageException("the database did not become available");
        }
        if (options.password() != null) {
            setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), options.password());
        }
        String apocVersion = db.executeTransactionally(
                "RETURN apoc.version() AS v", Map.of(), result -> String.valueOf(result.next().get("v")));
        System.err.println("maillage-neo4j: Neo4j is up with APOC " + apocVersion + " (data in "
                + options.dataDir() + ")");

        ready.println(READY_PREFIX + "bolt://127.0.0.1:" + options.port());
        ready.flush();
        // The DBMS runs on its own non-daemon threads; main can return.
    }

    /** Creates the data dir and checks it can be written to. */
    private static void prepareDataDir(Path dataDir) throws UsageException {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UsageException("cannot create data dir " + dataDir + ": " + rootMessage(e));
        }
        if (!Files.isDirectory(dataDir)) {
            throw new UsageException("data dir " + dataDir + " is not a directory");
        }
        try {
            Path probe = Files.createTempFile(dataDir, ".maillage-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UsageException("data dir " + dataDir + " is not writable: " + rootMessage(e));
        }
    }

    /** Fails fast with a clear message when something already listens on the port. */
    private static void checkPortFree(int port) throws UsageException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UsageException("port 127.0.0.1:" + port + " is not available (" + rootMessage(e)
                    + "); is another Neo4j already running?");
        }
    }

    /**
     * APOC's procedures are only discovered from the plugin directory: the build copies the apoc-core
     * jar to {@code plugins/} next to this launcher's jar. (The same jar is on the class path through
     * {@code lib/}, which is where APOC's extensions are loaded from, as in a Neo4j server.)
     */
    private static Path locatePluginDir() throws UsageException {
        String override = System.getProperty("maillage.neo4j.pluginDir");
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        Path codeSource;
        try {
            codeSource = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new UsageException("cannot locate the launcher's jar: " + rootMessage(e));
        }
        // target/maillage-neo4j.jar -> target/plugins (also target/classes -> target/plugins when run from an IDE)
        Path base = codeSource.getParent();
        Path plugins = base.resolve("plugins");
        boolean hasApoc = false;
        try (var files = Files.list(plugins)) {
            hasApoc = files.anyMatch(p -> p.getFileName().toString().startsWith("apoc-"));
        } catch (IOException e) {
            hasApoc = false;
        }
        if (!hasApoc) {
            throw new UsageException("APOC jar not found in " + plugins
                    + "; rebuild the launcher with `npm run build:neo4j`");
        }
        return plugins;
    }

    /** Sets the neo4j user's password so that no change is required on first login. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER " + DEFAULT_USER + " SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password));
        } catch (RuntimeException e) {
            String message = rootMessage(e);
            // Re-running with the same password is fine; any other error is not.
            if (!message.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /** Exits when stdin reaches end of file, so the JVM does not outlive the process that started it. */
    private static void startStdinWatcher() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) != -1) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException e) {
                // A broken stdin means the parent is gone as well.
            }
            System.err.println("maillage-neo4j: stdin closed, shutting down");
            System.exit(0);
        }, "maillage-neo4j-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable current = t;
        String last = null;
        while (current != null) {
            String m = current.getMessage();
            if (m != null && !m.equals(last)) {
                if (sb.length() > 0) {
                    sb.append(" <- ");
                }
                sb.append(m);
                last = m;
            }
            if (current.getCause() == current) {
                break;
            }
            current = current.getCause();
        }
        return sb.length() > 0 ? sb.toString() : t.getClass().getName();
    }
}
