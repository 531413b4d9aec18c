package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.messaging.app.config.HostConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated users that load runs sign in as: added once however often asked, usable like any other. */
class GeneratedUsersTest {
    @Test
    void generated_users_are_added_once_and_can_talk_to_each_other() {
        try (Deployment host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()))) {
            host.addGeneratedUsers(3);
            host.addGeneratedUsers(3);
            ApiClient api = new ApiClient(host.port());

            List<String> handles = new ArrayList<>();
            api.get("/dev/users", null).body().forEach(user -> handles.add(user.get("handle").asText()));
            assertThat(handles).filteredOn(handle -> handle.startsWith("user")).containsExactlyInAnyOrder(
                    "user1", "user2", "user3");

            JsonNode started = api.post("/api/messages", api.login("user3"), "{\"message\":\"hi\",\"handle\":\"@user1\"}")
                    .body();
            assertThat(api.get("/api/messages/" + started.get("message_group_uuid").asText(), api.login("user1"))
                    .status()).isEqualTo(200);
        }
    }
}
