package io.mcpconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar a user runs (cli/target/mcpconfig.jar), in a child JVM, with settings from the environment. */
class JarIT {
    private static final Path JAR = Path.of("target", "mcpconfig.jar");

    @Test
    void the_jar_adds_and_lists_an_org_with_settings_from_the_environment() throws Exception {
        TestDb db = new TestDb("cli_jar");
        Map<String, String> env = db.environment("jar-user");

        Run add = run(env, "orgs", "add", "jarco", "--name", "Jar Co");
        assertThat(add.code()).as(add.out()).isZero();
        Run list = run(env, "orgs", "list", "--format", "json");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("\"id\" : \"jarco\"").contains("\"lastActor\" : \"jar-user\"");

        Run usage = run(Map.of(), "orgs", "list");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.out().strip()).contains("MCPCONFIG_DB_URL");
    }

    private record Run(int code, String out) {}

    private static Run run(Map<String, String> env, String... args) throws Exception {
        assertThat(JAR).as("built by the package phase before failsafe runs").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("MCPCONFIG_"));
        pb.environment().putAll(env);
        File log = Files.createTempFile("mcpconfig-jar", ".log").toFile();
        pb.redirectOutput(log);
        try {
            Process p = pb.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finishes").isTrue();
            return new Run(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }
}
