package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.util.List;

/** What {@link MessagingPort#replaceGroupRows} did. */
public sealed interface RowsAdvance {

    /**
     * Every row was written; here they are as stored (a moved row's time may sit a microsecond or
     * more later than asked, to stay unique among its owner's rows).
     *
     * @param rows the rows as stored
     */
    record Advanced(List<MessageGroupRow> rows) implements RowsAdvance {
        /**
         * Copies the rows.
         *
         * @param rows the rows as stored
         */
        public Advanced {
            rows = List.copyOf(rows);
        }
    }

    /** At least one row was no longer as the caller read it (another writer moved or rewrote it); nothing was written. */
    record Outdated() implements RowsAdvance {
    }
}
