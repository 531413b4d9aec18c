package io.cruddur.messaging.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cruddur.messaging.app.auth.AccessTokenVerifier;
import io.cruddur.messaging.app.auth.TokenRejected;
import io.cruddur.messaging.app.config.RateLimits;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.PageLimit;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.AddMembersCommand;
import io.cruddur.messaging.core.usecase.DeleteMessageCommand;
import io.cruddur.messaging.core.usecase.EditMessageCommand;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.ListMessagesQuery;
import io.cruddur.messaging.core.usecase.MarkReadCommand;
import io.cruddur.messaging.core.usecase.MessageGroupPage;
import io.cruddur.messaging.core.usecase.MessagePage;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import io.cruddur.messaging.core.usecase.StartGroupCommand;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four routes of the reference API, plus pagination in {@code Link} headers, idempotent sends,
 * group conversations and their members, edits and deletes, read positions, blocks.
 */
final class MessagingRoutes {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Messaging messaging;
    private final AccessTokenVerifier verifier;
    private final ObjectMapper json;
    private final Throttle sends;
    private final Throttle starts;
    private final Throttle refusedTokens;
    private final Throttle reads;

    MessagingRoutes(Messaging messaging, AccessTokenVerifier verifier, ObjectMapper json, RateLimits rates) {
        this.messaging = messaging;
        this.verifier = verifier;
        this.json = json;
        this.sends = new Throttle(rates.sendsPerMinute());
        this.starts = new Throttle(rates.startsPerMinute());
        this.refusedTokens = new Throttle(rates.refusedTokensPerMinute());
        this.reads = new Throttle(rates.readsPerMinute());
    }

    /** The caller's conversations. The next (older) page is linked with {@code rel="next"}. */
    void listGroups(Context ctx) {
        User caller = caller(ctx);
        PageRequest page = page(ctx);
        MessageGroupPage groups = messaging.listMessageGroups(new ListMessageGroupsQuery(caller, page));
        List<String> links = new ArrayList<>();
        groups.next().ifPresent(cursor -> links.add(link(ctx, cursor, page, "next")));
        setLinks(ctx, links);
        ctx.json(groups.groups().stream().map(Views.GroupView::of).toList());
    }

    /** A group's messages. Older messages are linked with {@code rel="next"}, newer ones with {@code rel="prev"}. */
    void listMessages(Context ctx) {
        User caller = caller(ctx);
        MessageGroupId group = MessageGroupId.parse(ctx.pathParam("group"));
        PageRequest page = page(ctx);
        MessagePage messages = messaging.listMessages(new ListMessagesQuery(caller, group, page));
        List<String> links = new ArrayList<>();
        messages.older().ifPresent(cursor -> links.add(link(ctx, cursor, page, "next")));
        messages.newer().ifPresent(cursor -> links.add(link(ctx, cursor, page, "prev")));
        setLinks(ctx, links);
        ctx.json(messages.messages().stream().map(Views.MessageView::of).toList());
    }

    /**
     * A send with {@code message_group_uuid}, a conversation started with {@code handle} (as the reference
     * frontend sends them). A client message id, from {@code message_uuid} or the
     * {@code Idempotency-Key} header, makes a retry store nothing new.
     */
    void postMessage(Context ctx) {
        User caller = caller(ctx);
        JsonNode body = JsonBodies.object(json, ctx);
        String text = JsonBodies.text(body, "message");
        String group = JsonBodies.text(body, "message_group_uuid");
        String clientId = Optional.ofNullable(JsonBodies.text(body, "message_uuid")).orElse(ctx.header(IDEMPOTENCY_KEY));
        // parsed first: only a well-formed request spends the caller's allowance
        if (group != null) {
            SendMessageCommand send = SendMessageCommand.parse(caller, group, text, clientId);
            sends.take(caller.id().toString());
            ctx.json(Views.SentView.of(messaging.sendMessage(send)));
            return;
        }
        StartConversationCommand start = StartConversationCommand.parse(caller, JsonBodies.text(body, "handle"), text,
                clientId);
        starts.take(caller.id().toString());
        var started = messaging.startConversation(start);
        ctx.json(new Views.StartedView(started.groupId().toString()));
    }

    /**
     * {@code POST /api/message_groups}: a conversation with the {@code handles} named, with an
     * optional {@code title} and the first {@code message}; one handle and no title is the pair
     * conversation. A client message id makes a retry start nothing new.
     */
    void postGroup(Context ctx) {
        User caller = caller(ctx);
        JsonNode body = JsonBodies.object(json, ctx);
        String clientId = Optional.ofNullable(JsonBodies.text(body, "message_uuid")).orElse(ctx.header(IDEMPOTENCY_KEY));
        StartGroupCommand start = StartGroupCommand.parse(caller, JsonBodies.texts(body, "handles"),
                JsonBodies.text(body, "title"), JsonBodies.text(body, "message"), clientId);
        starts.take(caller.id().toString());
        ctx.json(new Views.StartedView(messaging.startGroup(start).groupId().toString()));
    }

    /** {@code PATCH /api/messages/{group}/{message}}: the sender's new text; answers the message as edited. */
    void editMessage(Context ctx) {
        User caller = caller(ctx);
        JsonNode body = JsonBodies.object(json, ctx);
        EditMessageCommand edit = EditMessageCommand.parse(caller, ctx.pathParam("group"), ctx.pathParam("message"),
                JsonBodies.text(body, "message"));
        sends.take(caller.id().toString());
        ctx.json(Views.SentView.of(messaging.editMessage(edit)));
    }

    /** {@code DELETE /api/messages/{group}/{message}}: the sender deletes it; answers its tombstone. */
    void deleteMessage(Context ctx) {
        User caller = caller(ctx);
        DeleteMessageCommand delete = DeleteMessageCommand.parse(caller, ctx.pathParam("group"), ctx.pathParam("message"));
        sends.take(caller.id().toString());
        ctx.json(Views.SentView.of(messaging.deleteMessage(delete)));
    }

    /** {@code GET /api/message_groups/{group}/members}: the members, to a member. */
    void listMembers(Context ctx) {
        User caller = caller(ctx);
        MessageGroupId group = MessageGroupId.parse(ctx.pathParam("group"));
        ctx.json(messaging.listMembers(caller, group).stream().map(Views.MemberView::of).toList());
    }

    /**
     * {@code POST /api/message_groups/{group}/members}: a member adds the people whose
     * {@code handles} are given; answers the members now. People already there are passed over, so
     * a retry adds nobody twice.
     */
    void addMembers(Context ctx) {
        User caller = caller(ctx);
        JsonNode body = JsonBodies.object(json, ctx);
        AddMembersCommand add = AddMembersCommand.parse(caller, ctx.pathParam("group"), JsonBodies.texts(body, "handles"));
        starts.take(caller.id().toString());
        ctx.json(messaging.addMembers(add).members().stream().map(Views.ShortProfileView::of).toList());
    }

    /** {@code DELETE /api/message_groups/{group}/members/me}: the caller leaves; leaving again changes nothing. */
    void leaveGroup(Context ctx) {
        User caller = caller(ctx);
        MessageGroupId group = MessageGroupId.parse(ctx.pathParam("group"));
        starts.take(caller.id().toString());
        messaging.leaveGroup(caller, group);
        ctx.status(204);
    }

    /**
     * {@code POST /api/message_groups/{group}/read}: the caller has read up to {@code message_uuid},
     * or, without a body, everything so far; answers how far they have read now and what is left.
     */
    void markRead(Context ctx) {
        User caller = caller(ctx);
        String upTo = ctx.body().isBlank() ? null : JsonBodies.text(JsonBodies.object(json, ctx), "message_uuid");
        MarkReadCommand read = MarkReadCommand.parse(caller, ctx.pathParam("group"), upTo);
        reads.take(caller.id().toString());
        ctx.json(Views.ReadView.of(messaging.markRead(read)));
    }

    /** {@code POST /api/users/@{handle}/block}: the caller blocks them; answers whom, as the short profile does. */
    void block(Context ctx) {
        User caller = caller(ctx);
        Handle handle = Handle.parse(ctx.pathParam("handle"));
        starts.take(caller.id().toString());
        ctx.json(Views.ShortProfileView.of(messaging.block(caller, handle)));
    }

    /** {@code DELETE /api/users/@{handle}/block}: the caller lifts their block. */
    void unblock(Context ctx) {
        User caller = caller(ctx);
        Handle handle = Handle.parse(ctx.pathParam("handle"));
        starts.take(caller.id().toString());
        messaging.unblock(caller, handle);
        ctx.status(204);
    }

    /** {@code GET /api/blocks}: whom the caller blocks, in the order they were blocked. */
    void listBlocks(Context ctx) {
        ctx.json(messaging.listBlocks(caller(ctx)).stream().map(Views.ShortProfileView::of).toList());
    }

    /** {@code GET /api/users/@{handle}/short}: public, as in the reference. */
    void shortProfile(Context ctx) {
        ctx.json(Views.ShortProfileView.of(messaging.findUser(Handle.parse(ctx.pathParam("handle")))));
    }

    /**
     * The signed-in user of a request: a verified token whose subject the directory knows. Each
     * token refused counts against the client's address; an address past its allowance has its
     * tokens refused unread until the allowance refills.
     */
    User caller(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null) {
            return messaging.authenticate(verifier.verifyHeader(null));
        }
        refusedTokens.refuseIfSpent(ctx.ip());
        CognitoUserId subject;
        try {
            subject = verifier.verifyHeader(authorization);
        } catch (TokenRejected refused) {
            refusedTokens.spend(ctx.ip());
            throw refused;
        }
        try {
            return messaging.authenticate(subject);
        } catch (MessagingException refused) {
            if (refused.code() == ErrorCode.USER_UNKNOWN) {
                refusedTokens.spend(ctx.ip());
            }
            throw refused;
        }
    }

    private static PageRequest page(Context ctx) {
        PageLimit limit = PageLimit.parse(ctx.queryParam("limit"));
        Optional<Cursor> cursor = Optional.ofNullable(ctx.queryParam("cursor")).map(Cursor::new);
        return new PageRequest(cursor, limit);
    }

    private static String link(Context ctx, Cursor cursor, PageRequest page, String relation) {
        return "<" + ctx.path() + "?limit=" + page.limit().value() + "&cursor="
                + URLEncoder.encode(cursor.token(), StandardCharsets.UTF_8) + ">; rel=\"" + relation + "\"";
    }

    private static void setLinks(Context ctx, List<String> links) {
        if (!links.isEmpty()) {
            ctx.header("Link", String.join(", ", links));
        }
    }
}
