package io.cruddur.messaging.core.port;

import java.util.List;

/**
 * Items in the order the query asked for, and whether at least one more item lies beyond them
 * (known for certain, never guessed: a slice that ends at the last item says {@code false}).
 */
public record Slice<T>(List<T> items, boolean more) {
    public Slice {
        items = List.copyOf(items);
    }

    public static <T> Slice<T> empty() {
        return new Slice<>(List.of(), false);
    }
}
