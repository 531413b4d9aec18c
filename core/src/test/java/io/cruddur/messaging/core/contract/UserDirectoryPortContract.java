package io.cruddur.messaging.core.contract;

import static io.cruddur.messaging.core.contract.Fixtures.uniqueHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.port.CognitoAssignment;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserDirectoryPort} must do, with the {@link UserAdministrationPort} that keeps
 * the same users. An adapter's test extends this class and supplies both (usually one object); they
 * may be shared by all tests, which only ever use fresh handles.
 */
public abstract class UserDirectoryPortContract {
    private UserDirectoryPort directory;
    private UserAdministrationPort administration;

    protected abstract UserDirectoryPort directory();

    protected abstract UserAdministrationPort administration();

    @BeforeEach
    void takePorts() {
        directory = directory();
        administration = administration();
    }

    @Test
    void a_registered_user_is_found_by_handle_and_cognito_id() {
        CognitoUserId cognito = newCognitoId();
        UserAccount account = register("andrew", Optional.of(cognito));
        User user = account.user();

        assertThat(account.cognitoUserId()).contains(cognito);
        assertThat(account.email()).isEqualTo(user.handle().normalized() + "@example.org");
        assertThat(user.displayName()).isEqualTo("Andrew Brown");
        assertThat(directory.findByHandle(user.handle())).contains(user);
        assertThat(directory.findByCognitoUserId(cognito)).contains(user);
    }

    @Test
    void handles_are_found_regardless_of_case() {
        User user = register("MixedCase", Optional.empty()).user();

        assertThat(directory.findByHandle(new Handle(user.handle().value().toLowerCase(Locale.ROOT)))).contains(user);
        assertThat(directory.findByHandle(new Handle(user.handle().value().toUpperCase(Locale.ROOT)))).contains(user);
    }

    @Test
    void a_users_blocks_are_listed_in_the_order_made_and_each_is_lifted_alone() {
        User blocker = register("blocker", Optional.empty()).user();
        User first = register("first", Optional.empty()).user();
        User second = register("second", Optional.empty()).user();

        directory.block(blocker.id(), first.id());
        directory.block(blocker.id(), second.id());
        directory.block(blocker.id(), first.id());

        assertThat(directory.blockedBy(blocker.id())).containsExactly(first, second);
        assertThat(directory.blockedBy(first.id())).as("a block goes one way").isEmpty();
        directory.unblock(blocker.id(), first.id());
        directory.unblock(blocker.id(), first.id());
        assertThat(directory.blockedBy(blocker.id())).containsExactly(second);
        assertThatThrownBy(() -> directory.block(blocker.id(), blocker.id())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknown_users_are_not_found() {
        assertThat(directory.findByHandle(uniqueHandle("ghost"))).isEmpty();
        assertThat(directory.findByCognitoUserId(newCognitoId())).isEmpty();
    }

    @Test
    void a_user_without_a_cognito_id_has_none() {
        UserAccount account = register("pending", Optional.empty());

        assertThat(account.cognitoUserId()).isEmpty();
        assertThat(accountOf(account.user().handle()).cognitoUserId()).isEmpty();
    }

    @Test
    void a_handle_is_taken_regardless_of_case() {
        User user = register("taken", Optional.empty()).user();
        Handle shouted = new Handle(user.handle().value().toUpperCase(Locale.ROOT));

        assertThatThrownBy(() -> administration.register(newUser(shouted, Optional.empty())))
                .isInstanceOfSatisfying(MessagingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.HANDLE_TAKEN));
        assertThat(directory.findByHandle(shouted)).contains(user);
    }

    @Test
    void a_cognito_id_belongs_to_one_user() {
        CognitoUserId cognito = newCognitoId();
        User first = register("first", Optional.of(cognito)).user();
        Handle second = uniqueHandle("second");

        assertThatThrownBy(() -> administration.register(newUser(second, Optional.of(cognito))))
                .isInstanceOfSatisfying(MessagingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.COGNITO_USER_ID_TAKEN));
        assertThat(directory.findByCognitoUserId(cognito)).contains(first);
        assertThat(directory.findByHandle(second)).isEmpty();
    }

    @Test
    void users_are_listed_by_handle_regardless_of_case() {
        String prefix = "list" + UUID.randomUUID().toString().substring(0, 6);
        register(new Handle(prefix + "_b"));
        register(new Handle(prefix + "_C"));
        register(new Handle(prefix + "_a"));

        List<String> ours = administration.listUsers().stream()
                .map(account -> account.user().handle().value())
                .filter(handle -> handle.startsWith(prefix))
                .toList();

        assertThat(ours).containsExactly(prefix + "_a", prefix + "_b", prefix + "_C");
    }

    @Test
    void assigning_cognito_ids_updates_known_handles_and_reports_unknown_ones() {
        User andrew = register("andrew", Optional.empty()).user();
        User bayko = register("bayko", Optional.of(newCognitoId())).user();
        Handle ghost = uniqueHandle("ghost");
        CognitoUserId andrewsId = newCognitoId();
        CognitoUserId baykosNewId = newCognitoId();
        Map<Handle, CognitoUserId> assignments = new LinkedHashMap<>();
        assignments.put(andrew.handle(), andrewsId);
        assignments.put(bayko.handle(), baykosNewId);
        assignments.put(ghost, newCognitoId());

        CognitoAssignment result = administration.assignCognitoUserIds(assignments);

        assertThat(result).isEqualTo(new CognitoAssignment(2, List.of(ghost)));
        assertThat(directory.findByCognitoUserId(andrewsId)).contains(andrew);
        assertThat(directory.findByCognitoUserId(baykosNewId)).contains(bayko);
    }

    @Test
    void an_assignment_that_clashes_changes_nothing() {
        User andrew = register("andrew", Optional.empty()).user();
        CognitoUserId londosId = newCognitoId();
        User londo = register("londo", Optional.of(londosId)).user();
        User bayko = register("bayko", Optional.empty()).user();
        CognitoUserId andrewsId = newCognitoId();
        Map<Handle, CognitoUserId> assignments = new LinkedHashMap<>();
        assignments.put(andrew.handle(), andrewsId);
        assignments.put(bayko.handle(), londosId);

        assertThatThrownBy(() -> administration.assignCognitoUserIds(assignments))
                .isInstanceOfSatisfying(MessagingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.COGNITO_USER_ID_TAKEN));
        assertThat(directory.findByCognitoUserId(andrewsId)).isEmpty();
        assertThat(directory.findByCognitoUserId(londosId)).contains(londo);
        assertThat(accountOf(bayko.handle()).cognitoUserId()).isEmpty();
    }

    @Test
    void one_cognito_id_for_two_handles_in_one_assignment_is_refused() {
        User andrew = register("andrew", Optional.empty()).user();
        User bayko = register("bayko", Optional.empty()).user();
        CognitoUserId shared = newCognitoId();

        assertThatThrownBy(() -> administration.assignCognitoUserIds(
                Map.of(andrew.handle(), shared, bayko.handle(), shared)))
                .isInstanceOfSatisfying(MessagingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.COGNITO_USER_ID_TAKEN));
        assertThat(directory.findByCognitoUserId(shared)).isEmpty();
    }

    @Test
    void assignments_apply_in_order_so_an_id_can_move_to_another_user() {
        CognitoUserId moving = newCognitoId();
        User andrew = register("andrew", Optional.of(moving)).user();
        User bayko = register("bayko", Optional.empty()).user();
        CognitoUserId andrewsNewId = newCognitoId();
        Map<Handle, CognitoUserId> assignments = new LinkedHashMap<>();
        assignments.put(andrew.handle(), andrewsNewId);
        assignments.put(bayko.handle(), moving);

        assertThat(administration.assignCognitoUserIds(assignments).updated()).isEqualTo(2);

        assertThat(directory.findByCognitoUserId(moving)).contains(bayko);
        assertThat(directory.findByCognitoUserId(andrewsNewId)).contains(andrew);
    }

    @Test
    void assigning_a_user_the_id_they_already_have_is_allowed() {
        CognitoUserId cognito = newCognitoId();
        User andrew = register("andrew", Optional.of(cognito)).user();

        CognitoAssignment result = administration.assignCognitoUserIds(Map.of(andrew.handle(), cognito));

        assertThat(result.unknownHandles()).isEmpty();
        assertThat(directory.findByCognitoUserId(cognito)).contains(andrew);
        assertThat(Set.copyOf(administration.listUsers())).contains(accountOf(andrew.handle()));
    }

    private UserAccount register(String name, Optional<CognitoUserId> cognito) {
        return administration.register(newUser(uniqueHandle(name), cognito));
    }

    private void register(Handle handle) {
        administration.register(newUser(handle, Optional.empty()));
    }

    private static NewUser newUser(Handle handle, Optional<CognitoUserId> cognito) {
        String name = handle.value().startsWith("andrew") ? "Andrew Brown" : "User " + handle.value();
        return new NewUser(handle, name, handle.normalized() + "@example.org", cognito);
    }

    private UserAccount accountOf(Handle handle) {
        return administration.listUsers().stream()
                .filter(account -> account.user().handle().normalized().equals(handle.normalized()))
                .findFirst()
                .orElseThrow();
    }

    private static CognitoUserId newCognitoId() {
        return new CognitoUserId(UUID.randomUUID().toString());
    }
}
