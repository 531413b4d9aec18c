package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupId;

/**
 * What the {@link NewsBus} carries: news of one group, naming what changed rather than carrying
 * it, and naming no members. A host that hears it reads the rest from storage, so news stays small
 * (a bus such as PostgreSQL's {@code NOTIFY} takes at most 8000 bytes) and forged news can tell
 * nobody anything storage does not say.
 */
public sealed interface GroupNews permits MessageNews, MembersNews, ReadNews {

    /** {@return the group the news is about} */
    MessageGroupId group();
}
