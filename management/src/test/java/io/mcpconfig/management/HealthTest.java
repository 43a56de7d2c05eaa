package io.mcpconfig.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {
    @Test
    void json_escapes_the_reason_and_keeps_it_on_one_line() {
        Health h = Health.notReady("can't reach \"db\"\n at C:\\x");
        assertThat(h.reason()).isEqualTo("can't reach \"db\" at C:\\x");
        assertThat(h.toJson()).isEqualTo("{\"status\":\"NOT_READY\",\"reason\":\"can't reach \\\"db\\\" at C:\\\\x\"}");
    }

    @Test
    void ready_is_alive_not_ready_is_alive_down_is_neither() {
        assertThat(Health.ready("x").isReady()).isTrue();
        assertThat(Health.notReady("x").isReady()).isFalse();
        assertThat(Health.notReady("x").isAlive()).isTrue();
        assertThat(Health.down("x").isAlive()).isFalse();
    }

    @Test
    void the_port_setting_has_a_per_service_default_and_zero_means_any() {
        assertThat(ManagementConfig.fromSettings(Settings.fromMap(Map.of()), 9401).port()).isEqualTo(9401);
        assertThat(ManagementConfig.fromSettings(Settings.fromMap(Map.of(ManagementConfig.PORT, "0")), 9401).port()).isZero();
        assertThatThrownBy(() -> ManagementConfig.fromSettings(Settings.fromMap(Map.of(ManagementConfig.PORT, "70000")), 9401))
                .isInstanceOf(BadSettingException.class).hasMessageContaining(ManagementConfig.PORT);
        assertThatThrownBy(() -> ManagementConfig.fromSettings(Settings.fromMap(Map.of(ManagementConfig.PORT, "http")), 9401))
                .isInstanceOf(BadSettingException.class).hasMessageContaining(ManagementConfig.PORT);
    }
}
