package news.panorama.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests: {@code initdb} into a temporary folder, {@code pg_ctl
 * start} on a free loopback port with durability off (tests need no crash safety), one fresh
 * database per test, everything removed on close. Finds the server binaries in
 * {@code PANORAMA_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}. PostgreSQL refuses to
 * run as root, so under root the cluster belongs to the {@code postgres} user (via {@code runuser}).
 * Without binaries the tests are skipped, unless {@code PANORAMA_REQUIRE_POSTGRES=1} (as in CI),
 * where that is a failure.
 */
final class PostgresServer implements AutoCloseable {
  private static final String USER = "panorama";
  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  static PostgresServer startOrSkip() throws IOException, InterruptedException {
    Optional<Path> bin = findBinaries();
    if (bin.isEmpty()) {
      String why = "no PostgreSQL server binaries (set PANORAMA_PG_BIN or install Debian's postgresql)";
      if ("1".equals(System.getenv("PANORAMA_REQUIRE_POSTGRES"))) throw new IllegalStateException(why);
      assumeTrue(false, why);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "panorama-pg-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (root) run(List.of("chown", "postgres:postgres", dir.toString()), false);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin.get(), dir, port, root);
    server.pg(List.of("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
        "--no-sync", "--no-instructions"));
    server.pg(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"));
    return server;
  }

  /** Creates an empty database and returns its JDBC URL. */
  String createDatabase() throws Exception {
    String name = "test_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  @Override
  public void close() {
    try {
      pg(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
    } catch (Exception e) {
      System.err.println("could not stop the test PostgreSQL server in " + dir + ": " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }

  private void pg(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.set(0, bin.resolve(command.get(0)).toString());
    run(full, asPostgresUser);
  }

  private static void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", full) + " failed:\n" + out);
    }
  }

  private static Optional<Path> findBinaries() throws IOException {
    String env = System.getenv("PANORAMA_PG_BIN");
    if (env != null && !env.isBlank()) return Optional.of(Path.of(env));
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) return Optional.empty();
    try (Stream<Path> versions = Files.list(root)) {
      return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
          .map(v -> v.resolve("bin"));
    }
  }
}
