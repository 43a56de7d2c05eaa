package io.mcpconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit and ops commands' usage side: help, and bad input refused before any connection. */
class AuditOpsCommandsTest {
    private final Cli cli = new Cli(Map.of());

    @Test
    void every_audit_and_ops_command_has_help() {
        for (String[] command : new String[][] {{"audit"}, {"audit", "verify"}, {"status"}, {"as-of"},
                {"views", "rebuild"}, {"views", "check"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Cli.Result r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + r.err()).isZero();
            assertThat(r.out()).contains("Usage: mcpconfig " + String.join(" ", command));
        }
        assertThat(cli.run("audit", "--help").out()).contains("Only changes made by this person");
        assertThat(cli.run("--help").out()).contains("audit").contains("status").contains("as-of").contains("views");
    }

    @Test
    void bad_input_is_one_line_naming_it_exit_2() {
        Cli.Result format = cli.run("audit", "--format", "xml", "--kafka-bootstrap", "localhost:1");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("'xml'").contains("jsonl");
        Cli.Result since = cli.run("audit", "--since", "yesterday", "--kafka-bootstrap", "localhost:1");
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).contains("'yesterday'");
        Cli.Result noKafka = cli.run("status");
        assertThat(noKafka.exitCode()).isEqualTo(2);
        assertThat(noKafka.err()).contains("MCPCONFIG_KAFKA_BOOTSTRAP");
        Cli.Result asOf = cli.run("as-of", "--org", "acme");
        assertThat(asOf.exitCode()).isEqualTo(2);
        assertThat(asOf.err()).contains("--at");
    }
}
