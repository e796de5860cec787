package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JDK choice, run against fake JDKs that print real version banners. */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "panorama").toAbsolutePath().normalize();
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private Path fakeJdk(Path parent, String name, String versionBanner) throws IOException {
    Path bin = Files.createDirectories(parent.resolve(name).resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionBanner + "' >&2\necho 'Runtime Environment' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return parent.resolve(name);
  }

  /** A PATH holding only the tools the launcher needs, and optionally a java. */
  private Path toolPath(@Nullable String pathJavaBanner) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("bash", "sed", "grep", "dirname")) {
      for (String d : List.of("/usr/bin", "/bin")) {
        Path real = Path.of(d, tool);
        if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) Files.createSymbolicLink(bin.resolve(tool), real);
      }
    }
    if (pathJavaBanner != null) {
      fakeJdk(dir, "pathjdk", pathJavaBanner);
      Files.createSymbolicLink(bin.resolve("java"), dir.resolve("pathjdk/bin/java"));
    }
    return bin;
  }

  private Run whichJava(Map<String, String> env, Path tools) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(tools.resolve("bash").toString(), LAUNCHER.toString(), "which-java");
    pb.environment().clear();
    pb.environment().put("PATH", tools.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out, err);
  }

  @Test
  void usesJavaHome_whenItIs21OrNewer() throws Exception {
    Path jvms = Files.createDirectories(dir.resolve("jvm"));
    Path home = fakeJdk(dir, "home-jdk", "openjdk version \"22.0.1\" 2024-04-16");
    fakeJdk(jvms, "temurin-25", "openjdk version \"25.0.3\" 2026-04-21 LTS");
    Run r = whichJava(Map.of("JAVA_HOME", home.toString(), "PANORAMA_JVM_DIRS", jvms.toString()), toolPath(null));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith(home.resolve("bin/java").toString()).contains("JAVA_HOME is Java 22");
  }

  @Test
  void picksTheNewestJdkInTheJvmFolders_whenJavaHomeIsTooOld() throws Exception {
    Path jvms = Files.createDirectories(dir.resolve("jvm"));
    Path old = fakeJdk(jvms, "java-17-openjdk-amd64", "openjdk version \"17.0.15\" 2025-04-15");
    fakeJdk(jvms, "java-8", "java version \"1.8.0_392\"");
    fakeJdk(jvms, "jdk-21", "openjdk version \"21\" 2023-09-19");
    Path newest = fakeJdk(jvms, "temurin-25-jdk-amd64", "openjdk version \"25.0.3\" 2026-04-21 LTS");
    Run r = whichJava(Map.of("JAVA_HOME", old.toString(), "PANORAMA_JVM_DIRS", jvms.toString()),
        toolPath("openjdk version \"17.0.15\" 2025-04-15"));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith(newest.resolve("bin/java").toString()).contains("Java 25");
  }

  @Test
  void fallsBackToPath_andOtherwiseSaysWhatToInstall() throws Exception {
    Path jvms = Files.createDirectories(dir.resolve("jvm"));
    fakeJdk(jvms, "java-17", "openjdk version \"17.0.15\" 2025-04-15");
    Run onPath = whichJava(Map.of("PANORAMA_JVM_DIRS", jvms.toString()), toolPath("openjdk version \"23.0.2\" 2025-01-21"));
    assertThat(onPath.exit()).isZero();
    assertThat(onPath.out()).contains("java on PATH is Java 23");

    Files.delete(dir.resolve("tools/java"));
    Run none = whichJava(Map.of("PANORAMA_JVM_DIRS", jvms.toString()), dir.resolve("tools"));
    assertThat(none.exit()).isNotZero();
    assertThat(none.err()).contains("needs Java 21 or newer").contains("java-17/bin/java (Java 17)").contains("JAVA_HOME");
  }
}
