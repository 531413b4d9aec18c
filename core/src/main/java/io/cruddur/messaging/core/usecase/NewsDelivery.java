package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.GroupNews;
import io.cruddur.messaging.core.port.MessageNews;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.ReadNews;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands news to a host's {@link NewsListener} off the bus's thread, forgetting a group's members
 * first when the news says they changed: the group's members and the message are read from storage (a bus must never wait for storage), on one of a few lanes
 * chosen by group, so one group's news keeps its order. A lane that falls {@value #LANE_QUEUE}
 * pieces behind drops news (live events are best effort; pages catch up when they reconnect).
 */
final class NewsDelivery implements Consumer<GroupNews> {
    static final int LANES = 4;
    static final int LANE_QUEUE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(NewsDelivery.class);

    private final NewsListener listener;
    private final Memberships memberships;
    private final MessagingPort messages;
    private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[LANES];

    NewsDelivery(NewsListener listener, Memberships memberships, MessagingPort messages) {
        this.listener = listener;
        this.memberships = memberships;
        this.messages = messages;
        for (int lane = 0; lane < LANES; lane++) {
            String name = "news-delivery-" + lane;
            lanes[lane] = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(LANE_QUEUE),
                    runnable -> {
                        Thread thread = new Thread(runnable, name);
                        thread.setDaemon(true);
                        return thread;
                    });
            // an idle lane's thread ends by itself, so nobody has to shut the lanes down
            lanes[lane].allowCoreThreadTimeOut(true);
        }
    }

    @Override
    public void accept(GroupNews news) {
        try {
            lanes[Math.floorMod(news.group().hashCode(), LANES)].execute(() -> {
                if (news instanceof MessageNews message) {
                    deliver(message);
                } else if (news instanceof ReadNews read) {
                    deliverRead(read);
                } else {
                    membersChanged(news.group());
                }
            });
        } catch (RejectedExecutionException behind) {
            // members changed while their news was dropped are still read again at the cache's expiry
            LOG.warn("news of group {} dropped: its delivery lane is {} behind", news.group(), LANE_QUEUE);
        }
    }

    private void membersChanged(MessageGroupId group) {
        try {
            memberships.forget(group);
            Set<UserId> members = memberships.of(group).orElse(Set.of());
            if (listener.listensFor(members)) {
                listener.membersChanged(group, members);
            }
        } catch (MessagingException unavailable) {
            LOG.warn("news of group {}'s members not delivered: {}", group, unavailable.code().code());
        }
    }

    /** Only to the group's members, and only of one of them: news naming anyone else is passed over. */
    private void deliverRead(ReadNews news) {
        try {
            Set<UserId> members = memberships.of(news.group()).orElse(Set.of());
            if (members.contains(news.reader()) && listener.listensFor(members)) {
                listener.readMoved(news.group(), news.reader(), news.readUpTo(), members);
            }
        } catch (MessagingException unavailable) {
            LOG.warn("news of a read position in group {} not delivered: {}", news.group(), unavailable.code().code());
        }
    }

    private void deliver(MessageNews news) {
        try {
            Set<UserId> members = memberships.of(news.group()).orElse(Set.of());
            if (members.isEmpty() || !listener.listensFor(members)) {
                return;
            }
            messages.findMessage(news.group(), news.createdAt(), news.message()).ifPresent(message -> {
                if (news.kind() == MessageNews.Kind.STORED) {
                    listener.heard(message, members);
                } else {
                    listener.heardRevision(message, members);
                }
            });
        } catch (MessagingException unavailable) {
            LOG.warn("news of message {} not delivered: {}", news.message(), unavailable.code().code());
        }
    }
}
