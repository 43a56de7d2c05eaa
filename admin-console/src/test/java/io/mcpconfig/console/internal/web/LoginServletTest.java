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
}
