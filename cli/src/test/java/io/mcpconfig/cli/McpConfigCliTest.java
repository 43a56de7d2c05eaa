package io.mcpconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class McpConfigCliTest {
    private final Cli cli = new Cli(Map.of());

    @Test
    void help_lists_the_commands_and_exits_0() {
        Cli.Result r = cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: mcpconfig").contains("generate-completion");
    }

    @Test
    void an_unknown_option_is_usage_exit_2() {
        Cli.Result r = cli.run("--no-such-option");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void the_completion_script_is_generated_by_picocli() {
        Cli.Result r = cli.run("generate-completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F").contains("mcpconfig");
    }

    @Test
    void a_bad_setting_is_one_line_naming_the_key_exit_2() {
        Cli.Result r = new Cli(Map.of("MCPCONFIG_CONFIG_FILE", "/no/such/file")).run("--help");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("mcpconfig: MCPCONFIG_CONFIG_FILE").doesNotContain("\n");
    }
}
