package io.mcpconfig.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.admin.Kind;
import io.mcpconfig.admin.Scope;
import io.mcpconfig.console.internal.auth.AccessDeniedException;
import io.mcpconfig.console.internal.auth.Role;
import io.mcpconfig.console.internal.auth.User;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class RoutesAndRequestsTest {
    @Test
    void scopes_and_kinds_are_read_from_paths() {
        assertThat(Requests.scope("_defaults").isDefaults()).isTrue();
        assertThat(Requests.scope("acme").org()).isEqualTo("acme");
        assertThat(Requests.kind("prompts")).isEqualTo(Kind.PROMPT);
        Assertions.assertThatThrownBy(() -> Requests.kind("tools")).isInstanceOf(Requests.BadRequest.class)
                .satisfies(e -> assertThat(((Requests.BadRequest) e).field()).isEqualTo("kind"));
    }

    @Test
    void write_permissions_refuse_viewers_other_orgs_and_defaults_for_editors() {
        User viewer = new User("v", Role.VIEWER, Set.of(), true);
        User editor = new User("e", Role.EDITOR, Set.of("acme"), false);
        User admin = new User("a", Role.ADMIN, Set.of(), false);
        Assertions.assertThatThrownBy(() -> ControlPlane.mayWrite(viewer, Scope.org("acme"))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("viewers only read");
        Assertions.assertThatThrownBy(() -> ControlPlane.mayWrite(editor, Scope.org("globex"))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("globex");
        Assertions.assertThatThrownBy(() -> ControlPlane.mayWrite(editor, Scope.DEFAULTS)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("defaults");
        Assertions.assertThatCode(() -> ControlPlane.mayWrite(editor, Scope.org("acme"))).doesNotThrowAnyException();
        Assertions.assertThatCode(() -> ControlPlane.mayWrite(admin, Scope.DEFAULTS)).doesNotThrowAnyException();
        Assertions.assertThatThrownBy(() -> ControlPlane.mayAdminister(editor, "import bundles")).hasMessageContaining("admin role");
    }
}
