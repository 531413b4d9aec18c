package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.CacheSettings;
import io.cruddur.messaging.core.cache.CachingUserDirectory;
import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.cache.RowPositions;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Member;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.port.BatchOutcome;
import io.cruddur.messaging.core.port.CognitoAssignment;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The library's front door: listing a group's messages and a user's conversations, sending,
 * starting conversations, refreshing group rows, and the user lookups a host needs, over one
 * {@link MessagingPort} and one {@link UserDirectoryPort}, with group rows kept current from a
 * {@link NewMessageFeed}; given a {@link UserAdministrationPort}, also the keeping of users, behind
 * the same caches. Thread-safe; build one per process with {@link #builder()} and close it on
 * shutdown (that stops the feed).
 */
public final class Messaging implements AutoCloseable {
    /** The shortest key {@link Builder#cursorSecret} accepts. */
    public static final int MIN_CURSOR_SECRET_BYTES = CursorCodec.MIN_SECRET_BYTES;
    private final CachingUserDirectory users;
    private final Optional<UserAdministrationPort> administration;
    private final ListMessages listMessages;
    private final ListMessageGroups listMessageGroups;
    private final SendMessage sendMessage;
    private final StartConversation startConversation;
    private final StartGroup startGroup;
    private final ChangeMembers changeMembers;
    private final ReviseMessage reviseMessage;
    private final MarkRead markRead;
    private final Blocking blocking;
    private final RefreshMessageGroups refreshMessageGroups;
    private final NewMessageFeed feed;
    private final MessagingPort messages;
    private final Memberships memberships;
    private final NewsBus news;
    private final NewsBus.Subscription userChanges;
    private final NewsBus.Subscription membersNews;

    private Messaging(Builder builder) {
        MessagingPort messages = Objects.requireNonNull(builder.messages, "messages port");
        this.users = new CachingUserDirectory(Objects.requireNonNull(builder.users, "user directory"), builder.cache);
        this.administration = builder.administration;
        this.memberships = new Memberships(messages, builder.cache);
        GroupAccess access = new GroupAccess(memberships, users);
        CursorCodec cursors = new CursorCodec(builder.cursorSecret);
        this.listMessages = new ListMessages(messages, access, cursors);
        this.listMessageGroups = new ListMessageGroups(messages, cursors);
        this.sendMessage = new SendMessage(messages, access, builder.clock, builder.ids);
        this.startConversation = new StartConversation(
                messages, users, memberships, sendMessage, builder.clock, builder.ids);
        this.startGroup = new StartGroup(messages, users, startConversation, builder.clock, builder.ids,
                builder.maxGroupMembers);
        this.messages = messages;
        this.news = builder.news;
        this.changeMembers = new ChangeMembers(messages, users, memberships, news, builder.maxGroupMembers);
        this.reviseMessage = new ReviseMessage(messages, access, builder.clock, builder.editWindow);
        RowPositions positions = new RowPositions(builder.cache);
        this.markRead = new MarkRead(messages, access, positions, news);
        this.blocking = new Blocking(users);
        RefreshListener publisher = new NewsPublisher(news);
        RefreshListener configured = builder.refreshListener;
        this.refreshMessageGroups = new RefreshMessageGroups(messages, (message, result) -> {
            configured.refreshed(message, result);
            publisher.refreshed(message, result);
        }, positions, builder.refreshConcurrency);
        this.feed = builder.feed;
        // Subscribed last, once nothing else can refuse the settings, and closed if the feed fails to start.
        this.userChanges = builder.userChanges.subscribe(users);
        this.membersNews = news.subscribe(new MembershipForgetting(memberships));
        try {
            feed.start(refreshMessageGroups);
        } catch (RuntimeException notStarted) {
            membersNews.close();
            userChanges.close();
            throw notStarted;
        }
    }

    /**
     * {@return a builder with the defaults: the system's UTC clock, random ids,
     * {@link CacheSettings#DEFAULT}, a cursor secret of its own, and no feed, news bus, user changes
     * or administration port}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A group's messages, a page at a time. Refused with {@code message_group_not_found},
     * {@code not_a_member}, {@code cursor_invalid}.
     *
     * @param query who asks, for which group, and which page
     * @return the page, oldest to newest, with cursors to the older and newer pages where such
     *         messages exist
     * @throws MessagingException when refused
     */
    public MessagePage listMessages(ListMessagesQuery query) {
        return listMessages.list(query);
    }

    /**
     * The caller's conversations, most recent first. Refused with {@code cursor_invalid}.
     *
     * @param query whose conversations, and which page
     * @return the page of group rows, with a cursor to the next (older) page when there is one
     * @throws MessagingException when refused
     */
    public MessageGroupPage listMessageGroups(ListMessageGroupsQuery query) {
        return listMessageGroups.list(query);
    }

    /**
     * A message into a group the sender belongs to. Refused with {@code message_group_not_found},
     * {@code not_a_member}, {@code blocked} (in a pair conversation whose other member blocks the
     * sender), {@code message_uuid_reused}.
     *
     * @param command who sends what to which group
     * @return the message as stored; for a retry, the one stored the first time
     * @throws MessagingException when refused
     */
    public Message sendMessage(SendMessageCommand command) {
        return sendMessage.send(command);
    }

    /**
     * A message to {@code @handle}, in the pair's group or a new one. Refused with
     * {@code handle_not_found}, {@code conversation_with_self}, {@code blocked},
     * {@code message_uuid_reused}.
     *
     * @param command who writes what to which handle
     * @return the group the message went to, whether it is new, and the message as stored
     * @throws MessagingException when refused
     */
    public ConversationStarted startConversation(StartConversationCommand command) {
        return startConversation.start(command);
    }

    /**
     * A conversation with the people named and its first message: with one handle and no title
     * the pair conversation, as {@link #startConversation}; otherwise a new group in which every
     * member has a row. Refused with {@code group_too_small}, {@code group_too_large},
     * {@code handle_not_found}, {@code conversation_with_self}, {@code blocked} (someone named blocks
     * the starter), {@code message_uuid_reused}.
     *
     * @param command who writes what to whom, and the group's title
     * @return the group the message went to, whether it is new, and the message as stored
     * @throws MessagingException when refused
     */
    public ConversationStarted startGroup(StartGroupCommand command) {
        return startGroup.start(command);
    }

    /**
     * A message's new text, by its sender, within the edit window ({@link Builder#editWindow});
     * its id and time stay, and it is marked edited. The same text again changes nothing. Refused
     * with {@code message_group_not_found}, {@code not_a_member}, {@code message_not_found},
     * {@code not_the_sender}, {@code blocked} (in a pair whose other member blocks the sender),
     * {@code message_deleted}, {@code edit_window_passed}.
     *
     * @param command who edits which message, and the new text
     * @return the message as stored
     * @throws MessagingException when refused
     */
    public Message editMessage(EditMessageCommand command) {
        return reviseMessage.edit(command);
    }

    /**
     * A message deleted by its sender, within the edit window: a tombstone stays in its place,
     * its text gone. Deleting it again changes nothing. Refused with
     * {@code message_group_not_found}, {@code not_a_member}, {@code message_not_found},
     * {@code not_the_sender}, {@code edit_window_passed}.
     *
     * @param command who deletes which message
     * @return the tombstone as stored
     * @throws MessagingException when refused
     */
    public Message deleteMessage(DeleteMessageCommand command) {
        return reviseMessage.delete(command);
    }

    /**
     * A group's members, to one of them, each with how far they have read: a group conversation's
     * in the order they joined, a pair's as the caller, then the other. Refused with
     * {@code message_group_not_found}, {@code not_a_member}.
     *
     * @param caller who asks
     * @param group  the group
     * @return the members
     * @throws MessagingException when refused
     */
    public List<Member> listMembers(User caller, MessageGroupId group) {
        return changeMembers.members(caller, group);
    }

    /**
     * A member has read a group up to a message, or everything so far: their read position moves
     * forward only, and their row's count of unread messages becomes what is left after it. Every
     * host tells the group's members of the new position. Doing it again changes nothing. Refused
     * with {@code message_group_not_found}, {@code not_a_member}, {@code message_not_found}.
     *
     * @param command who read which group, up to which message
     * @return the reader's row of the group, with their read state now
     * @throws MessagingException when refused
     */
    public MessageGroupRow markRead(MarkReadCommand command) {
        return markRead.markRead(command);
    }

    /**
     * People added to a group conversation by one of its members; they get a row at the group's
     * latest message and read its whole history. People who are members already are passed
     * over. Refused with {@code message_group_not_found}, {@code not_a_member},
     * {@code pair_members_fixed}, {@code handle_not_found}, {@code blocked} (someone added blocks
     * the one adding), {@code group_too_large} (past
     * {@link Builder#maxGroupMembers}).
     *
     * @param command who adds whom to which group
     * @return the members now
     * @throws MessagingException when refused
     */
    public GroupMembers addMembers(AddMembersCommand command) {
        return changeMembers.add(command);
    }

    /**
     * The caller leaves a group conversation: their row goes and they can no longer read or write
     * it, on this host at once and on every host the news bus reaches. Refused with
     * {@code message_group_not_found}, {@code not_a_member} (also to one who already left),
     * {@code pair_members_fixed}.
     *
     * @param caller who leaves
     * @param group  the group conversation
     * @throws MessagingException when refused
     */
    public void leaveGroup(User caller, MessageGroupId group) {
        changeMembers.leave(caller, group);
    }

    /**
     * The caller blocks someone, who can then neither start a conversation with them (a pair, a
     * group with them in it, or adding them to one) nor send in their pair conversation
     * ({@code blocked}); the caller still reads the history. In a group conversation blocking
     * removes nobody. Blocking someone blocked already changes nothing. Every host forgets the
     * caller's blocks it remembers where the directory tells of changes ({@link Builder#userChanges}).
     * Refused with {@code handle_not_found}, {@code block_self}.
     *
     * @param blocker who blocks
     * @param handle  whom
     * @return the user now blocked
     * @throws MessagingException when refused
     */
    public User block(User blocker, Handle handle) {
        return blocking.block(blocker, handle);
    }

    /**
     * Lifts the caller's block of someone; lifting one that is not there changes nothing. Refused
     * with {@code handle_not_found}, {@code block_self}.
     *
     * @param blocker who blocked
     * @param handle  whom
     * @throws MessagingException when refused
     */
    public void unblock(User blocker, Handle handle) {
        blocking.unblock(blocker, handle);
    }

    /**
     * {@return the users the caller blocks, in the order they were blocked}
     *
     * @param blocker whose blocks
     */
    public List<User> listBlocks(User blocker) {
        return blocking.blocks(blocker);
    }

    /**
     * Refreshes the group rows for a batch of newly stored messages, as a {@link NewMessageFeed} hands them over:
     * each group's rows move once, to its newest message in the batch; the listener hears of each
     * message once its group's rows have moved.
     *
     * @param newMessages the batch, in stored order within each group
     * @return how many rows moved, and from which position the batch must be delivered again, if any
     */
    public BatchOutcome refreshMessageGroups(List<Message> newMessages) {
        return refreshMessageGroups.handle(newMessages);
    }

    /**
     * Tells {@code listener} of every new message any host publishes on the news bus, with the
     * group's members and the message read from storage (the message only when the listener has
     * one of the members here), on threads of their own, never the bus's.
     *
     * @param listener the host's side of the news; thread-safe, quick, never blocking
     * @return the subscription, to close when the news is no longer wanted
     */
    public NewsSubscription subscribeToNews(NewsListener listener) {
        return news.subscribe(new NewsDelivery(listener, memberships, messages))::close;
    }

    /** Stops the feed of new messages and stops hearing of changed users and members. */
    @Override
    public void close() {
        feed.close();
        userChanges.close();
        membersNews.close();
    }

    /**
     * The user a verified token speaks for; {@code user_unknown} when the directory has no such user.
     *
     * @param cognitoUserId the {@code sub} of the verified token
     * @return the user, to pass to the use cases
     * @throws MessagingException {@code user_unknown}, or {@code directory_unavailable}
     */
    public User authenticate(CognitoUserId cognitoUserId) {
        return users.findByCognitoUserId(cognitoUserId).orElseThrow(() ->
                new MessagingException(ErrorCode.USER_UNKNOWN, "no user with this Cognito id"));
    }

    /**
     * A user's short profile by handle; {@code handle_not_found} when there is none.
     *
     * @param handle the handle, in any case
     * @return the user
     * @throws MessagingException {@code handle_not_found}, or {@code directory_unavailable}
     */
    public User findUser(Handle handle) {
        return users.findByHandle(handle).orElseThrow(() ->
                new MessagingException(ErrorCode.HANDLE_NOT_FOUND, "no user " + handle));
    }

    /**
     * Every user, ordered by handle; needs the {@link Builder#userAdministration administration port}.
     *
     * @return every user, ordered by handle (case-insensitively)
     * @throws IllegalStateException when the facade was built without an administration port
     */
    public List<UserAccount> listUsers() {
        return administer(UserAdministrationPort::listUsers);
    }

    /**
     * Adds a user; {@code handle_taken} or {@code cognito_user_id_taken} when unique values clash.
     * The user caches are emptied, so no lookup answers from before the change.
     *
     * @param user the user to add
     * @return the user as stored, with the uuid the directory chose
     * @throws MessagingException    {@code handle_taken}, {@code cognito_user_id_taken} or
     *                               {@code directory_unavailable}
     * @throws IllegalStateException when the facade was built without an administration port
     */
    public UserAccount registerUser(NewUser user) {
        return administerAndForget(administration -> administration.register(user));
    }

    /**
     * {@link UserAdministrationPort#assignCognitoUserIds}, then the user caches are emptied.
     *
     * @param assignments the Cognito id each handle gets, in the order to apply them
     * @return how many users were updated, and the handles that name no user
     * @throws MessagingException    {@code cognito_user_id_taken} (and nothing assigned) or
     *                               {@code directory_unavailable}
     * @throws IllegalStateException when the facade was built without an administration port
     */
    public CognitoAssignment assignCognitoUserIds(Map<Handle, CognitoUserId> assignments) {
        return administerAndForget(administration -> administration.assignCognitoUserIds(assignments));
    }

    private <T> T administer(Function<UserAdministrationPort, T> work) {
        return work.apply(administration.orElseThrow(() ->
                new IllegalStateException("Messaging was built without a UserAdministrationPort")));
    }

    private <T> T administerAndForget(Function<UserAdministrationPort, T> write) {
        try {
            return administer(write);
        } finally {
            users.anyMayHaveChanged();
        }
    }

    /** Configures a {@link Messaging}; only the messaging port and the user directory are required. */
    public static final class Builder {
        private MessagingPort messages;
        private UserDirectoryPort users;
        private Optional<UserAdministrationPort> administration = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private IdSource ids = IdSource.random();
        private CacheSettings cache = CacheSettings.DEFAULT;
        private byte[] cursorSecret;
        private RefreshListener refreshListener = (message, result) -> { };
        private NewMessageFeed feed = NewMessageFeed.none();
        private NewsBus news = NewsBus.none();
        private UserChanges userChanges = UserChanges.none();
        private int refreshConcurrency = RefreshMessageGroups.DEFAULT_CONCURRENCY;
        private int maxGroupMembers = StartGroup.MAX_MEMBERS;
        private Duration editWindow = ReviseMessage.DEFAULT_EDIT_WINDOW;

        private Builder() {
            cursorSecret = new byte[CursorCodec.MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(cursorSecret);
        }

        /**
         * Where messages and group rows are stored; required.
         *
         * @param port the messaging port, such as the DynamoDB adapter
         * @return this builder
         */
        public Builder messages(MessagingPort port) {
            this.messages = port;
            return this;
        }

        /**
         * Where users are looked up, behind the facade's caches; required.
         *
         * @param port the user directory, such as the PostgreSQL adapter
         * @return this builder
         */
        public Builder users(UserDirectoryPort port) {
            this.users = port;
            return this;
        }

        /**
         * Where {@link Messaging#listUsers}, {@link Messaging#registerUser} and
         * {@link Messaging#assignCognitoUserIds} go; usually the same adapter as {@link #users}.
         * None by default: those methods then throw {@link IllegalStateException}.
         *
         * @param port the administration port
         * @return this builder
         */
        public Builder userAdministration(UserAdministrationPort port) {
            this.administration = Optional.of(port);
            return this;
        }

        /**
         * The clock that dates new messages; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where ids of new messages and groups come from; {@link IdSource#random()} by default.
         *
         * @param ids the source of ids
         * @return this builder
         */
        public Builder ids(IdSource ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * The bounds of the facade's caches; {@link CacheSettings#DEFAULT} by default.
         *
         * @param cache the bounds
         * @return this builder
         */
        public Builder cache(CacheSettings cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * The key that signs page cursors, at least 32 bytes. Hosts behind one load balancer must
         * share it; without it each process generates its own and cursors die with the process.
         *
         * @param secret the key, at least {@value Messaging#MIN_CURSOR_SECRET_BYTES} bytes (checked
         *               by {@link #build()}); it is copied
         * @return this builder
         */
        public Builder cursorSecret(byte[] secret) {
            this.cursorSecret = secret.clone();
            return this;
        }

        /**
         * Who to tell once a message's group rows have been refreshed; nobody by default.
         *
         * @param listener told of each message, from several threads at once
         * @return this builder
         */
        public Builder refreshListener(RefreshListener listener) {
            this.refreshListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where newly stored messages come from, to keep group rows current; started by
         * {@link #build()}, stopped by {@link Messaging#close()}. None by default: then another
         * process (such as the deployed Lambda) must keep the rows current.
         *
         * @param newMessages the feed of newly stored messages
         * @return this builder
         */
        public Builder newMessageFeed(NewMessageFeed newMessages) {
            this.feed = Objects.requireNonNull(newMessages, "feed");
            return this;
        }

        /**
         * Where news of new messages goes once their rows have moved, and comes from, for
         * {@link Messaging#subscribeToNews}: a bus shared by every host of a deployment. None by
         * default.
         *
         * @param bus the news bus
         * @return this builder
         */
        public Builder newsBus(NewsBus bus) {
            this.news = Objects.requireNonNull(bus, "bus");
            return this;
        }

        /**
         * Where the user caches hear of users changed by other processes, forgetting them at once;
         * none by default, when a changed user is seen at the latest when the cache entry expires
         * ({@link CacheSettings#expireAfterWrite()}).
         *
         * @param changes where changes of users are heard
         * @return this builder
         */
        public Builder userChanges(UserChanges changes) {
            this.userChanges = Objects.requireNonNull(changes, "changes");
            return this;
        }

        /**
         * How many groups of one batch of new messages have their rows moved at once (default 8).
         *
         * @param groupsAtOnce the number of groups, at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder refreshConcurrency(int groupsAtOnce) {
            this.refreshConcurrency = groupsAtOnce;
            return this;
        }

        /**
         * Sets the most members a group may have, the starter included, when it starts and as people are added.
         *
         * @param members 3 to {@value StartGroup#MAX_MEMBERS} (the default), checked by {@link #build()}
         * @return this builder
         */
        public Builder maxGroupMembers(int members) {
            this.maxGroupMembers = members;
            return this;
        }

        /**
         * Sets how long after sending a message its sender may edit or delete it (24 hours by default).
         *
         * @param window a positive duration, checked by {@link #build()}
         * @return this builder
         */
        public Builder editWindow(Duration window) {
            this.editWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Builds the facade and starts the feed of new messages.
         *
         * @return the facade, to close on shutdown
         * @throws NullPointerException     when the messaging port or the user directory is missing
         * @throws IllegalArgumentException when the cursor secret is shorter than
         *                                  {@value Messaging#MIN_CURSOR_SECRET_BYTES} bytes, the
         *                                  refresh concurrency is below 1, the group member limit
         *                                  is outside 3 to {@value StartGroup#MAX_MEMBERS}, or the
         *                                  edit window is not positive
         */
        public Messaging build() {
            return new Messaging(this);
        }
    }
}
