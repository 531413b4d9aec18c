package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.port.GroupNews;
import io.cruddur.messaging.core.port.MembersNews;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets a group's members whenever news says they changed, whichever host changed them, so a
 * member who left is refused here too. It forgets on a thread of its own: forgetting waits for a
 * read of the same group under way, and the bus's thread must never wait.
 */
final class MembershipForgetting implements Consumer<GroupNews> {
    static final int QUEUE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(MembershipForgetting.class);

    private final Memberships memberships;
    private final ThreadPoolExecutor forgetter = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "membership-forgetting");
                thread.setDaemon(true);
                return thread;
            });

    MembershipForgetting(Memberships memberships) {
        this.memberships = memberships;
        // an idle thread ends by itself, so nobody has to shut it down
        forgetter.allowCoreThreadTimeOut(true);
    }

    @Override
    public void accept(GroupNews news) {
        if (news instanceof MembersNews changed) {
            try {
                forgetter.execute(() -> memberships.forget(changed.group()));
            } catch (RejectedExecutionException behind) {
                LOG.warn("news of group {}'s members dropped, {} behind; they are read again when remembered"
                        + " members expire", changed.group(), QUEUE);
            }
        }
    }
}
