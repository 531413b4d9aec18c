package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.cache.CacheSettings;
import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.CognitoAssignment;
import io.cruddur.messaging.core.port.MembershipChange;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.port.StartOutcome;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingTest {
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final CountingDirectory countingDirectory = new CountingDirectory(directory);
    private final InMemoryMessagingPort storage = new InMemoryMessagingPort();
    private final CountingMembershipReads countingStorage = new CountingMembershipReads(storage);
    private final CognitoUserId andrewsSub = new CognitoUserId("sub-andrew");
    private final User andrew = register("andrewbrown", Optional.of(andrewsSub));
    private final User bayko = register("bayko", Optional.empty());

    @Test
    void a_warm_cache_asks_the_directory_nothing_per_request() {
        Messaging messaging = messaging(CacheSettings.DEFAULT);
        messaging.authenticate(andrewsSub);
        messaging.findUser(bayko.handle());
        messaging.startConversation(new StartConversationCommand(
                andrew, bayko.handle(), new MessageText("hello"), Optional.empty()));
        int cold = countingDirectory.lookups.get();

        for (int request = 0; request < 10; request++) {
            User caller = messaging.authenticate(andrewsSub);
            messaging.findUser(new Handle("BAYKO"));
            messaging.startConversation(new StartConversationCommand(
                    caller, bayko.handle(), new MessageText("again " + request), Optional.empty()));
        }

        assertThat(cold).as("andrew, bayko, and whom bayko blocks").isEqualTo(3);
        assertThat(countingDirectory.lookups.get()).isEqualTo(cold);
    }

    @Test
    void a_change_through_the_facade_is_seen_at_once() {
        Messaging messaging = messaging(CacheSettings.DEFAULT);
        assertThat(messaging.authenticate(andrewsSub)).isEqualTo(andrew);

        messaging.assignCognitoUserIds(Map.of(andrew.handle(), new CognitoUserId("sub-andrew-2")));
        assertRefused(() -> messaging.authenticate(andrewsSub), ErrorCode.USER_UNKNOWN);

        CognitoAssignment moved = messaging.assignCognitoUserIds(Map.of(bayko.handle(), andrewsSub));

        assertThat(moved.updated()).isEqualTo(1);
        assertThat(messaging.authenticate(andrewsSub)).isEqualTo(bayko);
    }

    @Test
    void a_user_changed_elsewhere_is_forgotten_once_the_change_is_told() {
        ToldChanges changes = new ToldChanges();
        Messaging messaging = Messaging.builder().messages(countingStorage).users(countingDirectory)
                .userChanges(changes).build();
        assertThat(messaging.authenticate(andrewsSub)).isEqualTo(andrew);
        assertThat(messaging.findUser(bayko.handle())).isEqualTo(bayko);

        directory.assignCognitoUserIds(Map.of(andrew.handle(), new CognitoUserId("sub-andrew-elsewhere")));
        assertThat(messaging.authenticate(andrewsSub)).as("still cached").isEqualTo(andrew);
        changes.listener.changed(andrew.id());

        assertRefused(() -> messaging.authenticate(andrewsSub), ErrorCode.USER_UNKNOWN);
        int lookups = countingDirectory.lookups.get();
        assertThat(messaging.findUser(bayko.handle())).isEqualTo(bayko);
        assertThat(countingDirectory.lookups.get()).as("bayko stayed cached").isEqualTo(lookups);
    }

    @Test
    void a_block_through_the_facade_holds_at_once_and_one_made_elsewhere_once_it_is_told() {
        ToldChanges changes = new ToldChanges();
        Messaging here = messaging(CacheSettings.DEFAULT);
        Messaging elsewhere = Messaging.builder().messages(countingStorage).users(countingDirectory)
                .userChanges(changes).build();
        MessageGroupId group = here.startConversation(new StartConversationCommand(
                andrew, bayko.handle(), new MessageText("hello"), Optional.empty())).groupId();
        elsewhere.sendMessage(new SendMessageCommand(andrew, group, new MessageText("remembered"), Optional.empty()));

        here.block(bayko, andrew.handle());
        assertRefused(() -> here.sendMessage(new SendMessageCommand(andrew, group, new MessageText("here"),
                Optional.empty())), ErrorCode.BLOCKED);
        elsewhere.sendMessage(new SendMessageCommand(andrew, group, new MessageText("not told yet"), Optional.empty()));
        changes.listener.changed(bayko.id());

        assertRefused(() -> elsewhere.sendMessage(new SendMessageCommand(andrew, group, new MessageText("told"),
                Optional.empty())), ErrorCode.BLOCKED);
        here.unblock(bayko, andrew.handle());
        here.sendMessage(new SendMessageCommand(andrew, group, new MessageText("unblocked"), Optional.empty()));
    }

    @Test
    void after_changes_may_have_gone_unheard_every_user_is_forgotten() {
        ToldChanges changes = new ToldChanges();
        Messaging messaging = Messaging.builder().messages(countingStorage).users(countingDirectory)
                .userChanges(changes).build();
        messaging.authenticate(andrewsSub);
        directory.assignCognitoUserIds(Map.of(andrew.handle(), new CognitoUserId("sub-andrew-elsewhere")));

        changes.listener.anyMayHaveChanged();

        assertRefused(() -> messaging.authenticate(andrewsSub), ErrorCode.USER_UNKNOWN);
        messaging.close();
        assertThat(changes.listener).as("closing the facade ends the subscription").isNull();
    }

    @Test
    void a_user_that_was_not_found_is_not_remembered_as_missing() {
        Messaging messaging = messaging(CacheSettings.DEFAULT);
        CognitoUserId newcomer = new CognitoUserId("sub-newcomer");
        assertRefused(() -> messaging.authenticate(newcomer), ErrorCode.USER_UNKNOWN);

        User registeredElsewhere = register("newcomer", Optional.of(newcomer));

        assertThat(messaging.authenticate(newcomer)).isEqualTo(registeredElsewhere);
    }

    @Test
    void a_zero_sized_cache_asks_the_directory_every_time() {
        Messaging messaging = messaging(new CacheSettings(0, Duration.ofMinutes(5)));

        for (int request = 0; request < 5; request++) {
            messaging.authenticate(andrewsSub);
        }

        assertThat(countingDirectory.lookups.get()).isEqualTo(5);
    }

    @Test
    void a_groups_members_are_read_once_and_not_at_all_by_the_process_that_created_it() {
        Messaging creator = messaging(CacheSettings.DEFAULT);
        MessageGroupId group = creator.startConversation(new StartConversationCommand(
                andrew, bayko.handle(), new MessageText("hello"), Optional.empty())).groupId();
        send(creator, group, 5);
        assertThat(countingStorage.membershipReads.get()).isZero();

        Messaging otherProcess = messaging(CacheSettings.DEFAULT);
        send(otherProcess, group, 5);

        assertThat(countingStorage.membershipReads.get()).isEqualTo(1);
    }

    @Test
    void members_read_just_before_a_change_are_not_remembered_once_the_change_is_forgotten() throws Exception {
        User londo = register("londo", Optional.empty());
        Message first = new Message(new MessageId(UUID.randomUUID()), new MessageGroupId(UUID.randomUUID()), andrew,
                new MessageText("hello both"), Instant.parse("2026-03-01T09:00:00Z"));
        storage.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), first));
        MessageGroupId group = first.groupId();
        CountDownLatch readUnderWay = new CountDownLatch(1);
        CountDownLatch finishRead = new CountDownLatch(1);
        Memberships memberships = new Memberships(new ForwardingMessagingPort(storage) {
            @Override
            public Optional<GroupMembers> groupMembers(MessageGroupId asked) {
                Optional<GroupMembers> read = super.groupMembers(asked);
                readUnderWay.countDown();
                awaitQuietly(finishRead);
                return read;
            }
        }, CacheSettings.DEFAULT);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Set<UserId>>> oldRead = threads.submit(() -> memberships.of(group));
            readUnderWay.await();
            GroupMembers before = storage.groupMembers(group).orElseThrow();
            storage.changeMembers(new MembershipChange(before, before.without(bayko.id()), storage.rowsOfGroup(group)));
            Future<?> forgetting = threads.submit(() -> memberships.forget(group));
            try {
                forgetting.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException waitsForTheRead) {
                // as it should: forgetting waits for the read under way, then drops what it read
            }
            finishRead.countDown();
            assertThat(oldRead.get(10, TimeUnit.SECONDS)).contains(Set.of(andrew.id(), bayko.id(), londo.id()));
            forgetting.get(10, TimeUnit.SECONDS);

            assertThat(memberships.of(group)).contains(Set.of(andrew.id(), londo.id()));
        } finally {
            finishRead.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_member_who_leaves_the_moment_a_group_starts_is_not_remembered_as_a_member() {
        User londo = register("londo", Optional.empty());
        Messaging[] host = new Messaging[1];
        host[0] = Messaging.builder().users(directory).messages(new ForwardingMessagingPort(storage) {
            @Override
            public StartOutcome startConversation(NewConversation conversation) {
                StartOutcome outcome = super.startConversation(conversation);
                // another request of the same host, served before the start has returned
                host[0].leaveGroup(bayko, conversation.first().groupId());
                return outcome;
            }
        }).build();

        MessageGroupId group = host[0].startGroup(new StartGroupCommand(andrew, List.of(bayko.handle(), londo.handle()),
                Optional.empty(), new MessageText("hello both"), Optional.empty())).groupId();

        assertRefused(() -> host[0].listMessages(new ListMessagesQuery(bayko, group, PageRequest.first())),
                ErrorCode.NOT_A_MEMBER);
    }

    private void send(Messaging messaging, MessageGroupId group, int times) {
        for (int i = 0; i < times; i++) {
            messaging.sendMessage(new SendMessageCommand(bayko, group, new MessageText("reply " + i), Optional.empty()));
        }
    }

    private Messaging messaging(CacheSettings cache) {
        return Messaging.builder().messages(countingStorage).users(countingDirectory).userAdministration(directory)
                .cache(cache).build();
    }

    private User register(String handle, Optional<CognitoUserId> sub) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", sub)).user();
    }

    /** Changes a test tells by hand. */
    private static final class ToldChanges implements UserChanges {
        private UserChanges.Listener listener;

        @Override
        public NewsBus.Subscription subscribe(UserChanges.Listener subscriber) {
            listener = subscriber;
            return () -> listener = null;
        }
    }

    /** Counts the lookups that reach the real directory. */
    private static final class CountingDirectory implements UserDirectoryPort {
        private final UserDirectoryPort directory;
        private final AtomicInteger lookups = new AtomicInteger();

        CountingDirectory(UserDirectoryPort directory) {
            this.directory = directory;
        }

        @Override
        public Optional<User> findByCognitoUserId(CognitoUserId cognitoUserId) {
            lookups.incrementAndGet();
            return directory.findByCognitoUserId(cognitoUserId);
        }

        @Override
        public Optional<User> findByHandle(Handle handle) {
            lookups.incrementAndGet();
            return directory.findByHandle(handle);
        }

        @Override
        public List<User> blockedBy(UserId blocker) {
            lookups.incrementAndGet();
            return directory.blockedBy(blocker);
        }

        @Override
        public void block(UserId blocker, UserId blocked) {
            directory.block(blocker, blocked);
        }

        @Override
        public void unblock(UserId blocker, UserId blocked) {
            directory.unblock(blocker, blocked);
        }
    }

    /** Counts reads of a group's rows, which is how membership is looked up. */
    private static final class CountingMembershipReads extends ForwardingMessagingPort {
        private final AtomicInteger membershipReads = new AtomicInteger();

        CountingMembershipReads(InMemoryMessagingPort storage) {
            super(storage);
        }

        @Override
        public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
            membershipReads.incrementAndGet();
            return super.rowsOfGroup(group);
        }
    }
}
