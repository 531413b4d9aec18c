package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.util.List;

/** What {@link MessagingPort#advanceGroupRows} did. */
public sealed interface RowsAdvance {

    /**
     * Every row moved; here they are as stored (a row's time may sit a microsecond or more later
     * than asked, to stay unique among its owner's rows).
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

    /** At least one row was no longer where the caller saw it (another writer moved it); nothing was written. */
    record Outdated() implements RowsAdvance {
    }
}
