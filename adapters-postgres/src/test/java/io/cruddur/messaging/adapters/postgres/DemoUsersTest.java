package io.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.UserAccount;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class DemoUsersTest {
    private final Jdbi jdbi = UserDatabase.jdbi(TestDatabases.migrated());
    private final PostgresUserDirectory directory = new PostgresUserDirectory(jdbi);

    @Test
    void seeding_adds_the_reference_handles_once_however_often_it_runs() {
        int first = UserDatabase.seedDemoUsers(jdbi);
        int second = UserDatabase.seedDemoUsers(jdbi);

        List<UserAccount> users = directory.listUsers();
        assertThat(first).isEqualTo(UserDatabase.DEMO_USERS.size()).isGreaterThanOrEqualTo(4);
        assertThat(second).isZero();
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
