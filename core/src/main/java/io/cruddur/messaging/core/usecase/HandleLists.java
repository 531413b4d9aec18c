package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists of handles as clients send them: people to start a group with, or to add to one. */
final class HandleLists {

    private HandleLists() {
    }

    /** Each handle once, in the order first named; handles compare regardless of case. */
    static List<Handle> distinct(List<Handle> handles) {
        Map<String, Handle> distinct = new LinkedHashMap<>();
        handles.forEach(handle -> distinct.putIfAbsent(handle.normalized(), handle));
        return List.copyOf(distinct.values());
    }

    /**
     * The handles of a request, with or without {@code @}: {@code user_reciever_handle_blank} when
     * none is given or one is blank, {@code handle_invalid} when one is malformed.
     */
    static List<Handle> parse(List<String> handles) {
        if (handles == null || handles.isEmpty() || handles.stream().anyMatch(Handle::isBlank)) {
            throw new MessagingException(ErrorCode.USER_RECIEVER_HANDLE_BLANK, "a member's handle is blank");
        }
        List<Handle> parsed = new ArrayList<>(handles.size());
        handles.forEach(handle -> parsed.add(Handle.parse(handle)));
        return parsed;
    }
}
