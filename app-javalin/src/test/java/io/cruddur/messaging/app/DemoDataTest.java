package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.UserAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();

    @Test
    void seeding_adds_the_reference_handles_once_however_often_it_runs() {
        int first = DemoData.seedUsers(DemoData.DEMO_USERS, directory.listUsers(), directory::register);
        int second = DemoData.seedUsers(DemoData.DEMO_USERS, directory.listUsers(), directory::register);
        int raced = DemoData.seedUsers(DemoData.DEMO_USERS, List.of(), directory::register);

        List<UserAccount> users = directory.listUsers();
        assertThat(first).isEqualTo(DemoData.DEMO_USERS.size()).isGreaterThanOrEqualTo(4);
        assertThat(second).isZero();
        assertThat(raced).as("handles taken since the listing are passed over").isZero();
        assertThat(users).hasSize(first);
        assertThat(users).extracting(account -> account.user().handle().value())
                .contains("andrewbrown", "bayko", "londo");
        assertThat(users).allSatisfy(account -> {
            assertThat(account.cognitoUserId()).isEmpty();
            assertThat(account.email()).endsWith("@example.org");
        });
        assertThat(directory.findByHandle(new Handle("Bayko"))).isPresent();
    }
}
