package io.mcpconfig.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginServletTest {
    @Test
    void only_paths_of_this_site_are_return_targets() {
        assertThat(LoginServlet.safeReturn("/orgs/acme?x=1")).isEqualTo("/orgs/acme?x=1");
        assertThat(LoginServlet.safeReturn("https://evil.example.com/")).isEqualTo("/");
        assertThat(LoginServlet.safeReturn("//evil.example.com/")).isEqualTo("/");
        assertThat(LoginServlet.safeReturn("/\\evil.example.com")).isEqualTo("/");
        assertThat(LoginServlet.safeReturn(null)).isEqualTo("/");
    }

    @Test
    void csv_cells_are_quoted_as_rfc_4180_says() {
        assertThat(AuditPages.cell("plain")).isEqualTo("plain");
        assertThat(AuditPages.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditPages.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditPages.cell(null)).isEmpty();
    }
}
